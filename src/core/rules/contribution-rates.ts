/**
 * Contribution rates (iuran) of BPU members — non-wage earners — at BPJS Ketenagakerjaan (DOMAIN
 * §6), as effective-dated rows: a new regulation is a new row here, never a literal elsewhere.
 * Every amount is integer rupiah; percentages are basis points (1 % = 100 bp) so that the
 * arithmetic stays in integers.
 */
import { DomainError } from '../errors.ts';

/** A contribution month, `YYYY-MM`. */
export type Month = string;

/** The programmes open to BPU members (JP and JKP are not: DOMAIN §6). */
export const BENEFIT_PROGRAMS = ['JKK', 'JKM', 'JHT'] as const;
export type BenefitProgram = (typeof BENEFIT_PROGRAMS)[number];

/**
 * Who pays (DOMAIN §2, §8; issue #5). `stateBudget`: paid from APBN or APBD, which PP 50/2025
 * excludes from its discount. Whether village money (APBDes, APB Nagari) and the province's special
 * grant to villages (BKBK) count as APBD is open (DOMAIN §6) — a (config) flag, default "counts",
 * i.e. no discount, so that a plan is never short.
 */
export const FUNDER_TYPES = {
  apbdes: { label: 'APBDes / Dana Desa', stateBudget: true },
  apb_nagari: { label: 'APB Nagari', stateBudget: true },
  bkbk: { label: 'Bantuan keuangan khusus provinsi (BKBK)', stateBudget: true },
  apbd_kabkota: { label: 'APBD kabupaten/kota', stateBudget: true },
  apbd_provinsi: { label: 'APBD provinsi', stateBudget: true },
  apbn: { label: 'APBN', stateBudget: true },
  csr: { label: 'CSR / donatur', stateBudget: false },
  mandiri: { label: 'Mandiri (pekerja sendiri)', stateBudget: false },
  lainnya: { label: 'Lainnya', stateBudget: false },
} as const satisfies Record<string, { label: string; stateBudget: boolean }>;
export type FunderType = keyof typeof FUNDER_TYPES;
export const FUNDER_TYPE_CODES = Object.keys(FUNDER_TYPES) as [FunderType, ...FunderType[]];

/** Some discounts differ by line of work (PP 50/2025: transport workers first and longer). */
export const WORKER_GROUPS = ['general', 'transport'] as const;
export type WorkerGroup = (typeof WORKER_GROUPS)[number];

/** Declared monthly income of a BPU member (Annex II of PP 44/2015; the steps between are (config)). */
export const DECLARED_INCOME = { min: 1_000_000, max: 20_700_000, default: 1_000_000 } as const;

interface BaseRate {
  from: Month;
  /** Inclusive; absent = until a later row. */
  to?: Month;
  source: string;
  /** Share of the declared income, in basis points. */
  percentBp: Record<BenefitProgram, number>;
  /** Flat amount per month, in rupiah. */
  flat: Record<BenefitProgram, number>;
}

interface Discount {
  from: Month;
  to: Month;
  source: string;
  programs: readonly BenefitProgram[];
  /** The cut, in basis points of the contribution (9,900 = 99 %). */
  cutBp: number;
  /** Absent = every worker group. */
  workerGroups?: readonly WorkerGroup[];
  /** Not for contributions paid from APBN or APBD (FUNDER_TYPES.stateBudget). */
  excludesStateBudget: boolean;
}

export const BASE_RATES: readonly BaseRate[] = [
  // PP 44/2015 (JKK and JKM), as amended by PP 82/2019; JHT for BPU: 2 % (DOMAIN §6).
  {
    from: '2015-07',
    source: 'PP 44/2015 jo. PP 82/2019',
    percentBp: { JKK: 100, JKM: 0, JHT: 200 },
    flat: { JKK: 0, JKM: 6_800, JHT: 0 },
  },
];

export const DISCOUNTS: readonly Discount[] = [
  // PP 49/2020: JKK and JKM cut by 99 % during the pandemic.
  {
    from: '2020-08',
    to: '2021-01',
    source: 'PP 49/2020',
    programs: ['JKK', 'JKM'],
    cutBp: 9_900,
    excludesStateBudget: false,
  },
  // PP 50/2025: JKK and JKM cut by 50 %, transport workers from January 2026 to March 2027…
  {
    from: '2026-01',
    to: '2027-03',
    source: 'PP 50/2025',
    programs: ['JKK', 'JKM'],
    cutBp: 5_000,
    workerGroups: ['transport'],
    excludesStateBudget: true,
  },
  // …and other workers from April to December 2026; not when APBN or APBD pays.
  {
    from: '2026-04',
    to: '2026-12',
    source: 'PP 50/2025',
    programs: ['JKK', 'JKM'],
    cutBp: 5_000,
    workerGroups: ['general'],
    excludesStateBudget: true,
  },
];

/** What applies to one programme in one month. */
export interface ProgramRate {
  percentBp: number;
  flat: number;
  /** 0 when no discount applies. */
  cutBp: number;
}

export interface MonthRate {
  month: Month;
  programs: Record<BenefitProgram, ProgramRate>;
  /** The regulations behind these numbers, base rate first. */
  sources: string[];
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

const within = (month: Month, from: Month, to?: Month) =>
  month >= from && (to === undefined || month <= to);

function discountApplies(d: Discount, month: Month, funder?: FunderType, group?: WorkerGroup) {
  if (!within(month, d.from, d.to)) return false;
  if (d.workerGroups && !d.workerGroups.includes(group ?? 'general')) return false;
  // An unknown payer gets no discount that excludes state budgets: a plan is never short.
  if (d.excludesStateBudget && (funder === undefined || FUNDER_TYPES[funder].stateBudget)) {
    return false;
  }
  return true;
}

/**
 * The rates that apply in a month for a funder type (and a worker group, `general` by default).
 * Without a funder type, a discount that excludes APBN/APBD is not applied.
 */
export function rateFor(month: Month, funderType?: FunderType, group?: WorkerGroup): MonthRate {
  if (!isMonth(month)) {
    throw new DomainError('VALIDATION', `Bulan "${month}" tidak valid: gunakan TTTT-BB.`, {
      issues: [{ path: 'month', message: `Bulan "${month}" tidak valid: gunakan TTTT-BB.` }],
    });
  }
  const base = BASE_RATES.find((r) => within(month, r.from, r.to));
  if (!base) {
    const message = `Tarif iuran untuk bulan ${month} tidak tersedia (tarif berlaku sejak ${BASE_RATES[0]!.from}).`;
    throw new DomainError('VALIDATION', message, { issues: [{ path: 'month', message }] });
  }
  const discounts = DISCOUNTS.filter((d) => discountApplies(d, month, funderType, group));
  const programs = {} as Record<BenefitProgram, ProgramRate>;
  for (const p of BENEFIT_PROGRAMS) {
    const cutBp = discounts.filter((d) => d.programs.includes(p)).reduce((a, d) => a + d.cutBp, 0);
    programs[p] = {
      percentBp: base.percentBp[p],
      flat: base.flat[p],
      cutBp: Math.min(cutBp, 10_000),
    };
  }
  return { month, programs, sources: [base.source, ...new Set(discounts.map((d) => d.source))] };
}

/**
 * One worker's contribution for one month, in rupiah. DOMAIN says nothing about rounding: the
 * month's total is computed exactly (programmes and discounts together) and rounded once, half up,
 * to the rupiah.
 */
export function contributionOf(
  rate: MonthRate,
  declaredIncome: number,
  programs: readonly BenefitProgram[],
): number {
  // Exact amount × 10^8: income × bp (10^4) × share kept after the cut (10^4).
  let scaled = 0;
  for (const p of new Set(programs)) {
    const r = rate.programs[p];
    const kept = 10_000 - r.cutBp;
    scaled += (declaredIncome * r.percentBp + r.flat * 10_000) * kept;
  }
  return Math.floor((scaled + 50_000_000) / 100_000_000);
}
