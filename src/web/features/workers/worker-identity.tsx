import { useTranslation } from 'react-i18next';
import { Button, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { useRevealIdentity } from './workers-api.ts';

/** A masked or revealed identifier in monospace. */
export function IdValue({ value, testId }: { value: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (!value)
    return (
      <Text span size="sm" c="dimmed">
        {t('workers.none')}
      </Text>
    );
  return (
    <Text span size="sm" ff="monospace" data-testid={testId}>
      {value}
    </Text>
  );
}

/** The button that opens the full NIK, KK and KPJ; each press is recorded in the audit trail. */
export function RevealIdentityButton({ reveal }: { reveal: ReturnType<typeof useRevealIdentity> }) {
  const { t } = useTranslation();
  if (reveal.isSuccess) return null;
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="xs"
        variant="light"
        leftSection={<IconEye size={14} aria-hidden />}
        loading={reveal.isPending}
        onClick={() => reveal.mutate()}
      >
        {t('workers.identity.reveal')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('workers.identity.audited')}
      </Text>
      {reveal.isError && (
        <Text size="xs" c="red" role="alert">
          {reveal.error.message}
        </Text>
      )}
    </Stack>
  );
}
