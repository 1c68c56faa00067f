import type { TFunction } from 'i18next';
import type { RegionCounts, RegionSummary } from '../../../core/modules/regions/regions.schema.ts';
import type { SummaryItem } from './region-summary-cards.tsx';
import { countKeysFor, type CountKey } from './region-labels.ts';

const TEST_KEY: Record<CountKey, string> = {
  regencies: 'regencies',
  districts: 'districts',
  desa: 'desa',
  kelurahan: 'kelurahan',
  desaAdat: 'desa-adat',
};

/** Summary cards for what lies below a region at `level`; desa adat only where there are some. */
export function summaryItems(
  t: TFunction,
  level: RegionSummary['level'],
  counts: RegionCounts,
  localWord: string | null,
): SummaryItem[] {
  return countKeysFor(level)
    .filter((k) => k !== 'desaAdat' || counts.desaAdat > 0)
    .map((k) => ({
      key: TEST_KEY[k],
      label: t(`regions.count.${k}`),
      value: counts[k],
      hint:
        k === 'desa' && localWord ? t('regions.localTerm.calledHere', { term: localWord }) : null,
    }));
}

/** Adds up the counts of the provinces for the national figures. */
export function sumCounts(items: { counts: RegionCounts }[]): RegionCounts {
  const total: RegionCounts = {
    regencies: 0,
    districts: 0,
    villages: 0,
    desa: 0,
    kelurahan: 0,
    desaAdat: 0,
  };
  for (const { counts } of items) {
    for (const key of Object.keys(total) as (keyof RegionCounts)[]) total[key] += counts[key];
  }
  return total;
}
