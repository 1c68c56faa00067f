import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import type { RegionDetail } from '../../../core/modules/regions/regions.schema.ts';
import { api } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { STATUS_COLOR } from './import-status.ts';
import { type ImportSummary } from './imports-api.ts';

export function StepTitle({
  id,
  n,
  title,
  done,
}: {
  id: string;
  n: number;
  title: string;
  done?: boolean;
}) {
  return (
    <Group gap="xs">
      {done ? (
        <IconCircleCheck size={22} color="var(--mantine-color-teal-7)" aria-hidden />
      ) : (
        <Text
          component="span"
          fw={700}
          size="sm"
          w={22}
          h={22}
          ta="center"
          lh="22px"
          bg="var(--mantine-primary-color-light)"
          c="var(--mantine-primary-color-light-color)"
          style={{ borderRadius: '50%' }}
          aria-hidden
        >
          {n}
        </Text>
      )}
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
    </Group>
  );
}

/** The status of an import as a coloured word: Antre, Berjalan, Selesai, Gagal, Dibatalkan, Terhenti. */
export function StatusBadge({ status }: { status: ImportSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={STATUS_COLOR[status]}
      style={{ whiteSpace: 'nowrap' }}
      data-testid="import-status"
    >
      {t(`imports.status.${status}`)}
    </Badge>
  );
}

/** "Simpan" under a finished preview; without the previewed file chosen, how to get it back. */
export function CommitBar({
  summary,
  onCommit,
  canCommit,
}: {
  summary: ImportSummary;
  onCommit: () => void;
  /** The previewed file is still chosen in step 1 (not so for a preview opened from the list). */
  canCommit: boolean;
}) {
  const { t } = useTranslation();
  const { created, updated } = summary.counts;
  const writes = created + updated;
  return (
    <Alert color={writes > 0 ? 'blue' : 'gray'} variant="light" title={t('imports.notSavedYet')}>
      <Stack gap="sm">
        <Text size="sm">
          {writes > 0
            ? t('imports.commitHint', {
                writes: [
                  created > 0 && t('imports.commitCreated', { n: formatNumber(created) }),
                  updated > 0 && t('imports.commitUpdated', { n: formatNumber(updated) }),
                ]
                  .filter(Boolean)
                  .join(t('imports.and')),
              })
            : t('imports.nothingToWrite')}
        </Text>
        {!canCommit && (
          <Text size="sm" fw={500} data-testid="import-reselect">
            {t('imports.reselect', { name: summary.fileName })}
          </Text>
        )}
        <Group>
          <Button
            onClick={onCommit}
            disabled={!canCommit}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
            data-testid="import-commit"
          >
            {t('imports.commit')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** A village operator imports into their own village: shown, not chosen. */
export function OwnVillage({ code }: { code: string }) {
  const { t } = useTranslation();
  const region = useQuery({
    queryKey: ['regions', 'detail', code],
    queryFn: ({ signal }) =>
      api<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal }),
    staleTime: 10 * 60_000,
  });
  return (
    <TextInput
      label={t('imports.village.own')}
      description={t('imports.village.ownDescription')}
      value={region.data ? `${region.data.name} (${code})` : code}
      readOnly
      variant="filled"
      data-testid="import-village"
    />
  );
}
