import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';

interface ErrorStateProps {
  error: Error | null;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed load: the API's message and a way to try again. */
export function ErrorState({ error, title, onRetry, retrying }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle />}
      title={title ?? t('errors.loadFailed')}
      role="alert"
    >
      <Text size="sm">{error?.message ?? t('errors.generic')}</Text>
      {onRetry && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onRetry}
            loading={retrying}
          >
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
