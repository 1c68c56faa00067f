import { useTranslation } from 'react-i18next';
import { Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { PageHeader } from '../../ui/page-header.tsx';
import { RegionChildrenSection } from './region-children-section.tsx';
import { RegionSearch } from './region-search.tsx';
import { RegionSummaryCards, RegionSummaryCardsSkeleton } from './region-summary-cards.tsx';
import { summaryItems, sumCounts } from './region-summary-items.ts';
import { useRegionChildren } from './regions-api.ts';

/** /wilayah: search, national figures and the 38 provinces. */
export function RegionListPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.regions')} · ${t('app.name')}`);
  const provinces = useRegionChildren(null);

  return (
    <Stack gap="lg">
      <PageHeader title={t('regions.title')} description={t('regions.intro')} />
      <RegionSearch />
      {provinces.isPending ? (
        <RegionSummaryCardsSkeleton count={5} />
      ) : provinces.data ? (
        <RegionSummaryCards
          title={t('regions.summaryNational')}
          items={[
            { key: 'provinces', label: t('regions.count.provinces'), value: provinces.data.total },
            ...summaryItems(t, 'province', sumCounts(provinces.data.items), null),
          ]}
        />
      ) : null}
      <RegionChildrenSection parent={null} childLevel="province" localWord={null} />
    </Stack>
  );
}
