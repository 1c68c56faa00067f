import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Stack, Text, Title } from '@mantine/core';
import type { RegionSummary } from '../../../core/modules/regions/regions.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { RegionChildrenTable } from './region-children-table.tsx';
import { useRegionChildren } from './regions-api.ts';

interface RegionChildrenSectionProps {
  /** null for the provinces. */
  parent: string | null;
  childLevel: RegionSummary['level'];
  localWord: string | null;
}

/** Heading plus the table of a region's children, with its loading and error states. */
export function RegionChildrenSection({
  parent,
  childLevel,
  localWord,
}: RegionChildrenSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const children = useRegionChildren(parent);
  const heading =
    childLevel === 'village' && localWord
      ? t('regions.list.villageLocal', { term: localWord })
      : t(`regions.list.${childLevel}`);

  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} size="h3" id={headingId}>
          {heading}
        </Title>
        {children.data && (
          <Text size="sm" c="dimmed">
            {t('regions.list.rows', {
              count: children.data.total,
              total: formatNumber(children.data.total),
            })}
          </Text>
        )}
      </Group>
      {children.isPending ? (
        <TableSkeleton />
      ) : children.isError ? (
        <ErrorState
          error={children.error}
          onRetry={() => void children.refetch()}
          retrying={children.isFetching}
        />
      ) : children.data.items.length === 0 ? (
        <Text c="dimmed">{t('regions.list.empty')}</Text>
      ) : (
        <RegionChildrenTable
          items={children.data.items}
          level={childLevel}
          labelledBy={headingId}
          localWord={localWord}
        />
      )}
    </Stack>
  );
}
