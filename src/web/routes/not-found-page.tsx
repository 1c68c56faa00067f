import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@mantine/hooks';
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notFound.title')} · ${t('app.name')}`);
  return (
    <Center mih="50vh">
      <Stack align="center" ta="center" gap="sm" maw={420}>
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.text')}</Text>
        <Button
          component={Link}
          to="/"
          variant="light"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
        >
          {t('notFound.back')}
        </Button>
      </Stack>
    </Center>
  );
}
