import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Group, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { RetiredBadge } from './region-badges.tsx';
import { levelLabel } from './region-labels.ts';
import { useRegionSearch } from './regions-api.ts';

interface RegionSearchResultsProps {
  q: string;
  page: number;
  onPageChange: (page: number) => void;
}

export function RegionSearchResults({ q, page, onPageChange }: RegionSearchResultsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const search = useRegionSearch(q, page);

  if (search.isPending) return <TableSkeleton rows={4} />;
  if (search.isError) {
    return (
      <ErrorState
        error={search.error}
        onRetry={() => void search.refetch()}
        retrying={search.isFetching}
      />
    );
  }
  const { items, total, pageSize } = search.data;
  if (total === 0) {
    return (
      <Paper withBorder p="md" radius="md" role="status">
        <Text fw={500}>{t('regions.search.none')}</Text>
        <Text size="sm" c="dimmed">
          {t('regions.search.noneHint', { q })}
        </Text>
      </Paper>
    );
  }
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Text id={headingId} size="sm" fw={600} role="status">
          {t('regions.search.found', { count: total, total: formatNumber(total), q })}
        </Text>
        <Table.ScrollContainer minWidth={280} type="native">
          <Table
            highlightOnHover
            verticalSpacing={6}
            aria-labelledby={headingId}
            style={{ opacity: search.isPlaceholderData ? 0.6 : 1 }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('regions.column.name')}</Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t('regions.column.level')}
                </Table.Th>
                <Table.Th scope="col" visibleFrom="sm">
                  {t('regions.column.code')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/wilayah/${r.code}`} fw={500} size="sm">
                      {r.name}
                    </Anchor>
                    {r.path && (
                      <Text size="xs" c="dimmed">
                        {r.path}
                      </Text>
                    )}
                    {/* On a phone the level and code columns are hidden: show them here. */}
                    <Group gap={6} hiddenFrom="sm">
                      <Text size="xs">
                        {levelLabel(t, r.level, r.kind)} ·{' '}
                        <Text span ff="monospace" size="xs">
                          {r.code}
                        </Text>
                      </Text>
                      <RetiredBadge retired={r.retired} />
                    </Group>
                  </Table.Th>
                  <Table.Td visibleFrom="sm">
                    <Group gap={6}>
                      <Text size="sm">{levelLabel(t, r.level, r.kind)}</Text>
                      <RetiredBadge retired={r.retired} />
                    </Group>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm" ff="monospace">
                      {r.code}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {pages > 1 && (
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t('pagination.summary', { page, pages })}
            </Text>
            <Pagination
              total={pages}
              value={page}
              onChange={onPageChange}
              size="sm"
              siblings={1}
              getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
