import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconHistory } from '@tabler/icons-react';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { sentenceTerms } from './import-counts.ts';
import { StatusBadge } from './import-parts.tsx';
import { isActive } from './import-status.ts';
import { type ImportSummary, useRecentImports } from './imports-api.ts';

/**
 * "Impor terakhir": the latest imports the user may see, each openable on this page (?id=), so a
 * user who left the page while a big file ran finds it again.
 */
export function RecentImports({ openId }: { openId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const recent = useRecentImports();

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="xs">
          <IconHistory size={20} aria-hidden />
          <Title order={2} size="h4" id={headingId}>
            {t('imports.recent.title')}
          </Title>
        </Group>
        {recent.isPending ? (
          <TableSkeleton rows={3} />
        ) : recent.isError ? (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {recent.error.message}
          </Alert>
        ) : recent.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('imports.recent.empty')}
          </Text>
        ) : (
          <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {recent.data.items.map((item) => (
              <RecentItem key={item.id} item={item} open={item.id === openId} />
            ))}
          </Box>
        )}
      </Stack>
    </Paper>
  );
}

function RecentItem({ item, open }: { item: ImportSummary; open: boolean }) {
  const { t } = useTranslation();
  const { counts, mode, progress } = item;
  const detail = isActive(item.status)
    ? [
        `${progress.percent} %`,
        progress.linesDone > 0 &&
          t('imports.progress.line', { line: formatNumber(progress.linesDone) }),
      ]
    : [
        t('imports.recent.rows', { count: counts.total, n: formatNumber(counts.total) }),
        ...sentenceTerms(counts)
          .filter((k) => counts[k] > 0)
          .map((k) => t(`imports.sum.${mode}.${k}`, { n: formatNumber(counts[k]) })),
      ];

  return (
    <Box
      component="li"
      py="sm"
      px="xs"
      bg={open ? 'var(--mantine-color-gray-0)' : undefined}
      style={{
        borderTop: '1px solid var(--mantine-color-default-border)',
        // the import open above is marked by a bar, not a colour a badge could vanish in
        boxShadow: open ? 'inset 3px 0 0 var(--mantine-primary-color-filled)' : undefined,
      }}
      data-testid="import-recent-row"
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Anchor
            component={Link}
            to={`/pekerja/impor?id=${encodeURIComponent(item.id)}`}
            fw={600}
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
            aria-current={open ? 'true' : undefined}
            data-testid="import-recent-open"
          >
            {item.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatDateTime(item.createdAt)}
          </Text>
        </Stack>
        <Group gap={6} wrap="nowrap">
          <Badge variant="outline" color="gray" data-testid="import-recent-mode">
            {t(`imports.mode.${mode}`)}
          </Badge>
          <StatusBadge status={item.status} />
        </Group>
      </Group>
      <Text size="sm" mt={4} data-testid="import-recent-counts">
        {detail.filter(Boolean).join(' · ')}
      </Text>
      <PreviewState item={item} />
    </Box>
  );
}

/** Of a finished preview: the import that saved it, or until when it can still be saved. */
function PreviewState({ item }: { item: ImportSummary }) {
  const { t } = useTranslation();
  if (item.commitId) {
    return (
      <Anchor
        component={Link}
        to={`/pekerja/impor?id=${encodeURIComponent(item.commitId)}`}
        size="sm"
        mt={2}
        display="inline-block"
        data-testid="import-recent-saved"
      >
        {t('imports.recent.savedAs')}
      </Anchor>
    );
  }
  if (!item.fileKeptUntil) return null;
  return (
    <Text size="sm" mt={2} c="blue.8" data-testid="import-recent-unsaved">
      {t('imports.recent.keptUntil', { date: formatDateTime(item.fileKeptUntil) })}
    </Text>
  );
}
