import type { TFunction } from 'i18next';
import type { RegionCounts, RegionSummary } from '../../../core/modules/regions/regions.schema.ts';
import { capitalise } from '../../lib/format.ts';

type Level = RegionSummary['level'];
type Kind = RegionSummary['kind'];

/** "Provinsi", "Kabupaten", "Kota", "Kecamatan", "Desa", "Kelurahan", "Desa Adat". */
export function levelLabel(t: TFunction, level: Level, kind: Kind): string {
  if (level === 'regency')
    return t(
      kind === 'kota'
        ? 'regions.kind.kota'
        : kind === 'kabupaten'
          ? 'regions.kind.kabupaten'
          : 'regions.level.regency',
    );
  if (level === 'village') {
    if (kind === 'desa') return t('regions.kind.desa');
    if (kind === 'kelurahan') return t('regions.kind.kelurahan');
    if (kind === 'desa_adat') return t('regions.kind.desa_adat');
  }
  return t(`regions.level.${level}`);
}

export type CountKey = keyof Pick<
  RegionCounts,
  'regencies' | 'districts' | 'desa' | 'kelurahan' | 'desaAdat'
>;

/** The counts worth showing for a region at `level` (what lies below it), in summary cards and table columns. */
export function countKeysFor(level: Level): CountKey[] {
  if (level === 'province') return ['regencies', 'districts', 'desa', 'kelurahan', 'desaAdat'];
  if (level === 'regency') return ['districts', 'desa', 'kelurahan', 'desaAdat'];
  if (level === 'district') return ['desa', 'kelurahan', 'desaAdat'];
  return [];
}

export function childLevelOf(level: Level | null): Level | null {
  if (level === null) return 'province';
  if (level === 'province') return 'regency';
  if (level === 'regency') return 'district';
  if (level === 'district') return 'village';
  return null;
}

/** The local word capitalised for headings ("dusun" → "Dusun"), or null. */
export function localVillageWord(term: { villageTerm: string } | null | undefined): string | null {
  const word = term?.villageTerm.trim();
  return word ? capitalise(word) : null;
}
