import { useTranslation } from 'react-i18next';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconEye, IconPackageExport } from '@tabler/icons-react';
import type { BatchSummary } from '../../../core/modules/bpjs/bpjs.schema.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { batchFileUrl } from './bpjs-api.ts';
import { STATUS_COLOR, STATUS_ORDER } from './bpjs-labels.ts';

/** The statuses a group of enrollments is in now, as small badges ("2 aktif", "1 ditolak BPJS"). */
export function StatusBadges({ statuses }: { statuses: Record<string, number> }) {
  const { t } = useTranslation();
  const keys = [
    ...STATUS_ORDER.filter((s) => statuses[s]),
    ...Object.keys(statuses).filter((s) => !(STATUS_ORDER as readonly string[]).includes(s)),
  ];
  return (
    <Group gap={4} wrap="wrap">
      {keys.map((s) => (
        <Badge key={s} variant="light" color={STATUS_COLOR[s] ?? 'gray'} tt="none">
          {formatNumber(statuses[s] ?? 0)} {t(`bpjs.status.${s}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** "Kiriman ke BPJS": past batches, each downloadable again and open to its workers. */
export function BatchList({
  batches,
  openId,
  onOpen,
}: {
  batches: BatchSummary[];
  openId: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="bpjs-batches">
      <Stack gap="sm">
        <Group gap="xs">
          <IconPackageExport size={20} aria-hidden />
          <Title order={2} size="h4" id="bpjs-batches">
            {t('bpjs.batches.title')}
          </Title>
        </Group>
        {batches.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('bpjs.batches.empty')}
          </Text>
        ) : (
          batches.map((b) => (
            <Group
              key={b.id}
              data-testid="bpjs-batch"
              justify="space-between"
              align="center"
              gap="sm"
              wrap="wrap"
              p="sm"
              bg={b.id === openId ? 'var(--mantine-color-blue-0)' : undefined}
              style={{
                border: '1px solid var(--mantine-color-gray-3)',
                borderRadius: 'var(--mantine-radius-md)',
              }}
            >
              <Stack gap={4} style={{ minWidth: 0, flex: '1 1 20rem' }}>
                <Text size="sm" fw={600}>
                  {t('bpjs.batches.line', {
                    count: b.rows,
                    n: formatNumber(b.rows),
                    region: b.regionName ?? b.regionCode,
                  })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('bpjs.batches.made', { at: formatDateTime(b.createdAt), who: b.createdBy })}
                </Text>
                <StatusBadges statuses={b.statuses} />
              </Stack>
              <Group gap="sm" wrap="nowrap">
                <Button
                  size="xs"
                  variant={b.id === openId ? 'filled' : 'light'}
                  leftSection={<IconEye size={14} aria-hidden />}
                  onClick={() => onOpen(b.id === openId ? '' : b.id)}
                  aria-expanded={b.id === openId}
                >
                  {t('bpjs.batches.open')}
                </Button>
                {(['xlsx', 'csv'] as const).map((f) => (
                  <Anchor
                    key={f}
                    href={batchFileUrl(b.id, f)}
                    download
                    size="sm"
                    aria-label={t('bpjs.batches.download', { format: f.toUpperCase() })}
                  >
                    <Group gap={2} component="span" wrap="nowrap">
                      <IconDownload size={14} aria-hidden />
                      {f.toUpperCase()}
                    </Group>
                  </Anchor>
                ))}
              </Group>
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  );
}
