import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Group, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { DuplicatePair } from '../../../core/modules/workers/duplicates.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedResults } from '../../ui/paged-results.tsx';
import { RegionPicker } from '../regions/region-picker.tsx';
import { Back } from '../workers/worker-load-state.tsx';
import { DuplicatePairCard, olderFirst } from './duplicate-pair-card.tsx';
import { DUPLICATES_PAGE_SIZE, useDuplicateList, useMarkDifferent } from './duplicates-api.ts';
import { MergeModal } from './merge-modal.tsx';

const FILTERS = ['region'] as const;

/**
 * /pekerja/ganda: possible duplicates in the user's area (same name and birth date, other NIK,
 * same regency) for a regency admin to decide: different people, or one person to merge.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('duplicates.title')} · ${t('app.name')}`);
  const { values, page, set } = useSearchState(FILTERS);
  const list = useDuplicateList({ region: values.region || undefined, page });
  const different = useMarkDifferent();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);

  const markDifferent = (p: DuplicatePair) =>
    different.mutate(
      { workerA: p.a.id, workerB: p.b.id },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: t('duplicates.different.doneTitle'),
            message: t('duplicates.different.done', { name: p.a.fullName }),
          }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );

  return (
    <Stack gap="lg" maw={1100}>
      <Back to="/pekerja" label={t('workers.backToList')} />
      <PageHeader title={t('duplicates.title')} description={t('duplicates.intro')} />
      <Group align="flex-end" role="search">
        <Box w={{ base: '100%', sm: 280 }}>
          <RegionPicker
            label={t('duplicates.filter.region')}
            value={values.region ? [values.region] : []}
            onChange={(codes) => set({ region: codes[0] ?? '' })}
            clearable
          />
        </Box>
      </Group>
      <PagedResults
        query={list}
        heading={(total) =>
          total === undefined
            ? t('duplicates.title')
            : t('duplicates.count', { count: total, total: formatNumber(total) })
        }
        empty={values.region ? t('duplicates.emptyFiltered') : t('duplicates.empty')}
        page={page}
        onPage={(p) => set({ page: p })}
        skeletonRows={6}
      >
        {(items, view) => (
          <Stack gap="md" style={{ opacity: view.dimmed ? 0.6 : 1 }}>
            {items.map(olderFirst).map((p, i) => (
              <DuplicatePairCard
                key={`${p.a.id}-${p.b.id}`}
                pair={p}
                index={(page - 1) * DUPLICATES_PAGE_SIZE + i + 1}
                busy={different.isPending}
                onDifferent={() => markDifferent(p)}
                onMerge={() => setMerging(p)}
              />
            ))}
          </Stack>
        )}
      </PagedResults>
      <MergeModal pair={merging} onClose={() => setMerging(null)} />
    </Stack>
  );
}
