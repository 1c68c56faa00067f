import { longDate } from './indonesian.ts';
import { findOccupation, titleCase, type OccupationClass } from './occupations.ts';

/**
 * Who may hold a seat in a program (DOMAIN §5, issue #5), and in which order a village's workers
 * are suggested. Pure: the enrollment use-cases ask here, the web shows the same reasons.
 *
 * Decisions (documented in docs/panduan, "Usulan peserta dan persetujuan"):
 * - Age counts in whole years on the first day of the months the seat would cover: the program's
 *   first month, or the current month when the period has already started (DOMAIN: "age at
 *   enrollment start"). Both limits are inclusive (15–65: a 65-year-old may join, a 66-year-old not).
 * - An unknown welfare decile does not pass a program that limits the decile: the program asks for
 *   proven poverty status (P3KE/DTSEN), and an empty field proves nothing.
 * - Occupation classes: "not a worker", "wage earner" and "elected or state official" never join a
 *   BPU program; non-ASN staff and village officials only when the program admits their segment
 *   explicitly (or lists the occupation); professions only when the program lists the occupation.
 * - Unconfirmed NIK warnings (birth date or sex differs from the NIK, NIK of another region) are a
 *   warning, not a refusal: real registers are full of them (DOMAIN §4), the operator confirms them
 *   against the KTP, and BPJS checks the NIK against Dukcapil anyway.
 */

/** What a program asks of its workers (the `eligibility` column of `program`). */
export interface EligibilityRules {
  minAge: number;
  maxAge: number;
  /** Empty: every segment. */
  segments: readonly string[];
  /** Empty: every occupation a BPU worker may have. */
  occupations: readonly number[];
  /** Highest welfare decile admitted; null: no limit. */
  maxDecile: number | null;
}

export interface EligibilityProgram {
  /** First day of the first and of the last month covered (YYYY-MM-DD). */
  firstMonth: string;
  lastMonth: string;
  eligibility: EligibilityRules;
  /** Which kinds of village take part (desa, kelurahan, desa_adat). */
  villageKinds: readonly string[];
}

export interface EligibilityWorker {
  birthDate: string;
  segment: string;
  occupationCode: number;
  welfareDecile: number | null;
  lifeStatus: 'alive' | 'dead' | 'moved';
  deathDate?: string | null;
  movedDate?: string | null;
  mergedInto: string | null;
  /** desa, kelurahan or desa_adat: the kind of the worker's village. */
  villageKind: string | null;
  /** NIK warnings not yet confirmed against the KTP. */
  openWarnings: number;
}

export type EligibilityCode =
  | 'PERIOD_ENDED'
  | 'TOO_YOUNG'
  | 'TOO_OLD'
  | 'DEAD'
  | 'MOVED'
  | 'MERGED'
  | 'SEGMENT'
  | 'OCCUPATION_CLASS'
  | 'OCCUPATION'
  | 'DECILE'
  | 'DECILE_UNKNOWN'
  | 'VILLAGE_KIND'
  | 'NIK_WARNINGS';

export interface EligibilityIssue {
  code: EligibilityCode;
  message: string;
  /** error: the worker cannot be enrolled; warning: enrolled, flagged for review. */
  severity: 'error' | 'warning';
}

const SEGMENT_LABEL: Record<string, string> = {
  pekerja_rentan: 'pekerja rentan',
  perangkat_desa: 'perangkat desa',
  bpd_rt_rw: 'BPD/RT/RW',
  non_asn: 'non-ASN',
  kader: 'kader',
  lainnya: 'lainnya',
};

const VILLAGE_KIND_LABEL: Record<string, string> = {
  desa: 'desa',
  kelurahan: 'kelurahan',
  desa_adat: 'desa adat',
};

/** The segment a class of occupation belongs to, when the class is admitted only with it. */
const SEGMENT_OF_CLASS: Partial<Record<OccupationClass, string>> = {
  non_asn: 'non_asn',
  village_official: 'perangkat_desa',
};

const NEVER: Partial<Record<OccupationClass, string>> = {
  not_worker: 'bukan pekerja',
  wage_earner: 'pekerja penerima upah (PU), bukan BPU',
  official: 'pejabat negara atau anggota lembaga, bukan pekerja rentan',
};

/** The months a seat proposed today would cover; null when the period is over. */
export function enrollmentPeriod(
  program: Pick<EligibilityProgram, 'firstMonth' | 'lastMonth'>,
  today: string,
): { firstMonth: string; lastMonth: string } | null {
  const thisMonth = `${today.slice(0, 7)}-01`;
  if (program.lastMonth < thisMonth) return null;
  return {
    firstMonth: program.firstMonth < thisMonth ? thisMonth : program.firstMonth,
    lastMonth: program.lastMonth,
  };
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export { longDate };

const error = (code: EligibilityCode, message: string): EligibilityIssue => ({
  code,
  message,
  severity: 'error',
});

function ageIssues(w: EligibilityWorker, rules: EligibilityRules, start: string) {
  const age = ageOn(w.birthDate, start);
  const on = longDate(start);
  if (age < rules.minAge)
    return [error('TOO_YOUNG', `Usia ${age} tahun pada ${on}; minimal ${rules.minAge} tahun.`)];
  if (age > rules.maxAge)
    return [error('TOO_OLD', `Usia ${age} tahun pada ${on}; maksimal ${rules.maxAge} tahun.`)];
  return [];
}

function lifeIssues(w: EligibilityWorker): EligibilityIssue[] {
  const out: EligibilityIssue[] = [];
  if (w.mergedInto)
    out.push(
      error('MERGED', 'Data ini sudah digabung ke data pekerja lain; usulkan data yang dipakai.'),
    );
  if (w.lifeStatus === 'dead')
    out.push(
      error(
        'DEAD',
        w.deathDate
          ? `Pekerja sudah meninggal dunia (${longDate(w.deathDate)}).`
          : 'Pekerja sudah meninggal dunia.',
      ),
    );
  if (w.lifeStatus === 'moved')
    out.push(
      error(
        'MOVED',
        w.movedDate
          ? `Pekerja sudah pindah dari desa (${longDate(w.movedDate)}).`
          : 'Pekerja sudah pindah dari desa.',
      ),
    );
  return out;
}

function occupationIssues(w: EligibilityWorker, rules: EligibilityRules): EligibilityIssue[] {
  const occupation = findOccupation(w.occupationCode);
  const name = occupation ? titleCase(occupation.name) : `kode ${w.occupationCode}`;
  const cls = occupation?.class ?? 'informal';
  const listed = rules.occupations.includes(w.occupationCode);
  const never = NEVER[cls];
  if (never) return [error('OCCUPATION_CLASS', `Pekerjaan ${name}: ${never}.`)];
  const segment = SEGMENT_OF_CLASS[cls];
  if (segment && !listed && !rules.segments.includes(segment))
    return [
      error(
        'OCCUPATION_CLASS',
        `Pekerjaan ${name} hanya untuk program segmen ${SEGMENT_LABEL[segment]}.`,
      ),
    ];
  if (cls === 'profession' && !listed)
    return [
      error(
        'OCCUPATION_CLASS',
        `Pekerjaan ${name} adalah profesi; hanya bila program ini mencantumkannya.`,
      ),
    ];
  if (rules.occupations.length > 0 && !listed)
    return [error('OCCUPATION', `Pekerjaan ${name} tidak termasuk pekerjaan program ini.`)];
  return [];
}

function decileIssues(w: EligibilityWorker, rules: EligibilityRules): EligibilityIssue[] {
  if (rules.maxDecile === null) return [];
  if (w.welfareDecile === null)
    return [
      error(
        'DECILE_UNKNOWN',
        `Desil kesejahteraan belum diisi; program ini hanya untuk desil 1–${rules.maxDecile}.`,
      ),
    ];
  if (w.welfareDecile > rules.maxDecile)
    return [
      error(
        'DECILE',
        `Desil kesejahteraan ${w.welfareDecile}; program ini hanya untuk desil 1–${rules.maxDecile}.`,
      ),
    ];
  return [];
}

/**
 * Why the worker cannot be enrolled in the program (errors), and what to check first (warnings).
 * Empty: eligible. Double funding, quota and "already enrolled" need the database: the use-case.
 */
export function checkEligibility(
  w: EligibilityWorker,
  program: EligibilityProgram,
  today: string,
): EligibilityIssue[] {
  const period = enrollmentPeriod(program, today);
  if (!period)
    return [
      error('PERIOD_ENDED', `Periode program sudah berakhir (${program.lastMonth.slice(0, 7)}).`),
    ];
  const rules = program.eligibility;
  const out: EligibilityIssue[] = [...lifeIssues(w), ...ageIssues(w, rules, period.firstMonth)];
  if (rules.segments.length > 0 && !rules.segments.includes(w.segment))
    out.push(
      error(
        'SEGMENT',
        `Segmen ${SEGMENT_LABEL[w.segment] ?? w.segment} tidak termasuk program ini (hanya ${rules.segments.map((s) => SEGMENT_LABEL[s] ?? s).join(', ')}).`,
      ),
    );
  out.push(...occupationIssues(w, rules), ...decileIssues(w, rules));
  if (w.villageKind && !program.villageKinds.includes(w.villageKind))
    out.push(
      error(
        'VILLAGE_KIND',
        `Pekerja tinggal di ${VILLAGE_KIND_LABEL[w.villageKind] ?? w.villageKind}; program ini hanya untuk ${program.villageKinds.map((k) => VILLAGE_KIND_LABEL[k] ?? k).join(' dan ')}.`,
      ),
    );
  if (w.openWarnings > 0)
    out.push({
      code: 'NIK_WARNINGS',
      message: `${w.openWarnings} peringatan NIK belum diperiksa; cocokkan dengan KTP sebelum dikirim ke BPJS.`,
      severity: 'warning',
    });
  return out;
}

export const isEligible = (issues: readonly EligibilityIssue[]) =>
  issues.every((i) => i.severity !== 'error');

/** Segments in the order a village fills its seats: the most vulnerable first. */
export const SEGMENT_PRIORITY = [
  'pekerja_rentan',
  'kader',
  'bpd_rt_rw',
  'perangkat_desa',
  'non_asn',
  'lainnya',
] as const;

export interface PriorityWorker {
  welfareDecile: number | null;
  segment: string;
  birthDate: string;
  fullName: string;
}

/**
 * Suggestion order (issue #5) as a sort key, smaller first: the poorest welfare decile first
 * (unknown last), then the segment (pekerja rentan first), then the older worker first — a death
 * benefit (DOMAIN §7) matters most to the families of older breadwinners, and the oldest have the
 * fewest years left to be covered — then the name, for a stable list.
 */
export function priorityOf(w: PriorityWorker): [number, number, string, string] {
  const i = (SEGMENT_PRIORITY as readonly string[]).indexOf(w.segment);
  return [w.welfareDecile ?? 99, i < 0 ? SEGMENT_PRIORITY.length : i, w.birthDate, w.fullName];
}

export function comparePriority(a: PriorityWorker, b: PriorityWorker): number {
  const x = priorityOf(a);
  const y = priorityOf(b);
  return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]) || x[3].localeCompare(y[3], 'id');
}
