import { Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  REGION_CODE_MESSAGE,
  type RegionDetail,
} from '../../../core/modules/regions/regions.schema.ts';
import { normaliseRegionCode, regionLevelOf } from '../../../core/rules/region-code.ts';
import { isApiError } from '../../lib/api.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { RegionChildrenSection } from './region-children-section.tsx';
import { RegionHeader } from './region-header.tsx';
import { childLevelOf, localVillageWord } from './region-labels.ts';
import { RegionNotFound } from './region-not-found.tsx';
import { RegionSearch } from './region-search.tsx';
import { RegionSummaryCards, RegionSummaryCardsSkeleton } from './region-summary-cards.tsx';
import { summaryItems } from './region-summary-items.ts';
import { useRegion, useRegionChildren } from './regions-api.ts';
import { VillageInfo } from './village-info.tsx';

/** /wilayah/:code — one region with what lies below it. "1508" redirects to "15.08". */
export function RegionDetailPage() {
  const { code: raw = '' } = useParams();
  const code = normaliseRegionCode(raw);
  if (code && code !== raw) return <Navigate to={`/wilayah/${code}`} replace />;
  return (
    <Stack gap="lg">
      {/* Keyed by code so that following a result clears the search. */}
      <RegionSearch key={raw} />
      {code ? <RegionDetailBody code={code} /> : <RegionNotFound message={REGION_CODE_MESSAGE} />}
    </Stack>
  );
}

function RegionDetailBody({ code }: { code: string }) {
  const { t } = useTranslation();
  const detail = useRegion(code);
  // Fetch the children alongside the region rather than after it.
  useRegionChildren(code, regionLevelOf(code) !== 'village');
  useDocumentTitle(`${detail.data?.name ?? t('nav.regions')} · ${t('app.name')}`);

  if (detail.isPending) return <DetailSkeleton />;
  if (detail.isError) {
    if (isApiError(detail.error, 404) || isApiError(detail.error, 400)) {
      return <RegionNotFound message={detail.error.message} />;
    }
    return (
      <ErrorState
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  return <RegionDetailView region={detail.data} />;
}

function RegionDetailView({ region }: { region: RegionDetail }) {
  const { t } = useTranslation();
  const word = localVillageWord(region.localTerm);
  const childLevel = childLevelOf(region.level);
  return (
    <Stack gap="lg">
      <RegionHeader region={region} />
      <RegionSummaryCards
        title={t('regions.summaryOf', { name: region.name })}
        items={summaryItems(t, region.level, region.counts, word)}
      />
      {childLevel ? (
        <RegionChildrenSection parent={region.code} childLevel={childLevel} localWord={word} />
      ) : (
        <VillageInfo region={region} />
      )}
    </Stack>
  );
}

function DetailSkeleton() {
  return (
    <Stack gap="lg">
      <Skeleton height={16} width="40%" />
      <Skeleton height={34} width="60%" />
      <RegionSummaryCardsSkeleton />
      <TableSkeleton />
    </Stack>
  );
}
