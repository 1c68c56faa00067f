import { useTranslation } from 'react-i18next';
import { Button, Code, CopyButton, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconDice5 } from '@tabler/icons-react';
import { randomPassword } from './random-password.ts';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Set when the value came from "buat acak": shown in clear so it can be handed over. */
  generated: boolean;
  onGenerated: (value: string) => void;
  error?: string;
}

/** A new password for someone else, with a readable random one on request. */
export function PasswordField(props: PasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <PasswordInput
          label={props.label}
          description={t('users.password.hint')}
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
          error={props.error}
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          maxLength={200}
          style={{ flex: 1 }}
        />
        <Button
          variant="light"
          leftSection={<IconDice5 size={16} aria-hidden />}
          onClick={() => props.onGenerated(randomPassword())}
          mb={props.error ? 22 : 0}
        >
          {t('users.password.generate')}
        </Button>
      </Group>
      {props.generated && props.value && (
        <Group gap="xs" aria-live="polite">
          <Text size="sm">{t('users.password.generatedIs')}</Text>
          <Code fz="md" data-testid="generated-password">
            {props.value}
          </Code>
          <CopyButton value={props.value}>
            {({ copied, copy }) => (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={copy}
                leftSection={
                  copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                }
              >
                {copied ? t('users.password.copied') : t('users.password.copy')}
              </Button>
            )}
          </CopyButton>
          <Text size="xs" c="dimmed" w="100%">
            {t('users.password.handOver')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
