import { findOccupation, titleCase } from '../../rules/occupations.ts';
import { HEADER_ALIASES, headerKey } from '../workers/worker-file-layout.ts';
import type { WorkerInput } from '../workers/index.ts';

export type Layout = 'jaring' | 'opensid' | 'minimal';

/** Which columns the file has, by the layout's field, and which layout it is. */
export interface ColumnMap {
  layout: Layout;
  columns: Partial<Record<keyof WorkerInput, number>>;
  /** OpenSID's status_dasar: 1 alive; anything else is not a worker to protect. */
  lifeColumn: number | undefined;
}

export function mapColumns(headers: string[]): ColumnMap {
  const keys = headers.map(headerKey);
  const columns: ColumnMap['columns'] = {};
  keys.forEach((k, i) => {
    const field = HEADER_ALIASES[k];
    if (field && columns[field] === undefined) columns[field] = i;
  });
  const opensid = keys.includes('pekerjaanid') && keys.includes('statusdasar');
  const minimal =
    !opensid &&
    Object.keys(columns).every(
      (f) =>
        f === 'nik' ||
        f === 'fullName' ||
        f === 'kk' ||
        f === 'welfareDecile' ||
        f === 'decileSource' ||
        f === 'decileYear',
    );
  return {
    layout: opensid ? 'opensid' : minimal ? 'minimal' : 'jaring',
    columns,
    lifeColumn: opensid ? keys.indexOf('statusdasar') : undefined,
  };
}

/** Classes of occupation that are not BPU workers (DOMAIN §5): such residents are skipped. */
const NOT_BPU: Record<string, string> = {
  not_worker: 'bukan pekerja',
  wage_earner: 'pekerja penerima upah (bukan BPU)',
  official: 'pejabat negara (bukan pekerja rentan)',
};

const SEX: Record<string, 'L' | 'P'> = {
  '1': 'L',
  '2': 'P',
  l: 'L',
  p: 'P',
  lakilaki: 'L',
  perempuan: 'P',
  pria: 'L',
  wanita: 'P',
};

/** 10-03-1996, 10/03/1996 and 1996-03-10 all become 1996-03-10. */
export function normaliseDate(v: string): string {
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return v;
}

export type RowOutcome =
  | { kind: 'input'; fields: Partial<Record<keyof WorkerInput, string>> }
  | { kind: 'skip'; reason: string };

/**
 * One file row as the fields of a worker (strings, validated later by the worker schema), or the
 * reason an OpenSID resident is not a worker to register. "-" and empty cells are absent.
 */
export function mapRow(map: ColumnMap, cells: string[]): RowOutcome {
  if (map.lifeColumn !== undefined) {
    const life = (cells[map.lifeColumn] ?? '').trim();
    if (life !== '' && life !== '1')
      return {
        kind: 'skip',
        reason: `Penduduk tidak berstatus hidup di desa (status_dasar ${life}).`,
      };
  }
  const fields: Partial<Record<keyof WorkerInput, string>> = {};
  for (const [field, index] of Object.entries(map.columns) as [keyof WorkerInput, number][]) {
    // Jaring's own exports write a leading apostrophe before =, +, -, @ (formula injection): drop it.
    const value = (cells[index] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');
    if (value !== '' && value !== '-') fields[field] = value;
  }
  if (fields.sex) fields.sex = SEX[headerKey(fields.sex)] ?? fields.sex;
  if (fields.birthDate) fields.birthDate = normaliseDate(fields.birthDate);
  if (fields.segment) fields.segment = fields.segment.toLowerCase().replace(/[\s/-]+/g, '_');
  if (map.layout === 'opensid' && fields.occupationCode) {
    const occupation = findOccupation(Number(fields.occupationCode));
    const why = occupation ? NOT_BPU[occupation.class] : undefined;
    if (occupation && why)
      return {
        kind: 'skip',
        reason: `Pekerjaan ${titleCase(occupation.name)} (kode ${occupation.code}): ${why}.`,
      };
  }
  return { kind: 'input', fields };
}
