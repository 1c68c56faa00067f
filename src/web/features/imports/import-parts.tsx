import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import type { RegionDetail } from '../../../core/modules/regions/regions.schema.ts';
import { api } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
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

export function Working({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" role="status" aria-live="polite" data-testid="import-busy">
      <Stack gap="xs">
        <Group gap="sm">
          <Loader size="sm" />
          <Text fw={600}>{label}</Text>
        </Group>
        <Progress value={100} striped animated aria-hidden />
        <Text size="xs" c="dimmed">
          {t('imports.workingHint')}
        </Text>
      </Stack>
    </Paper>
  );
}

export function CommitBar({ summary, onCommit }: { summary: ImportSummary; onCommit: () => void }) {
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
        <Group>
          <Button
            onClick={onCommit}
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
