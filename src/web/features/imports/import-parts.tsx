import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge, Group, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { RegionDetail } from '../../../core/modules/regions/regions.schema.ts';
import { api } from '../../lib/api.ts';
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

/**
 * The status of an import as a coloured word: Menyimpan berkas, Antre, Berjalan, Selesai, Gagal,
 * Dibatalkan, Terhenti.
 */
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
