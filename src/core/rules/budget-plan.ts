import { rupiah } from './indonesian.ts';
/**
 * Budget arithmetic for protection programmes (DOMAIN §6, §8), in integer rupiah:
 * seats = floor(budget ÷ cost of one seat for the period), and the reverse, the budget needed for
 * N seats. The cost of a seat is the sum of its months, so a period across a rate change (a
 * discount starting or ending) costs what each month costs.
 */
import { DomainError } from '../errors.ts';
import {
  BENEFIT_PROGRAMS,
  DECLARED_INCOME,
  FUNDER_TYPES,
  WORKER_GROUPS,
  contributionOf,
  isMonth,
  rateFor,
  type BenefitProgram,
  type FunderType,
  type Month,
  type WorkerGroup,
} from './contribution-rates.ts';

/** Limits of a plan: a programme runs at most five years; Indonesia has about 84,000 villages. */
export const PLAN_LIMITS = { maxMonths: 60, maxVillages: 100_000, maxSeatsPerVillage: 100_000 };

const rp = rupiah;

/** Messages shared with the request schema (programs.schema.ts), so the API and this code agree. */
export const PLAN_MESSAGES = {
  months: `Jumlah bulan harus bilangan bulat 1–${PLAN_LIMITS.maxMonths}.`,
  month: 'Bulan harus berformat TTTT-BB, misalnya 2027-01.',
  lastBeforeFirst: 'Bulan terakhir tidak boleh sebelum bulan pertama.',
  monthsMismatch: 'Jumlah bulan tidak sesuai dengan bulan pertama dan bulan terakhir.',
  period: 'Isi jumlah bulan, atau bulan pertama dan bulan terakhir.',
  declaredIncome: `Penghasilan yang dilaporkan harus bilangan bulat ${rp(DECLARED_INCOME.min)}–${rp(DECLARED_INCOME.max)}.`,
  packageBase: 'Paket wajib berisi JKK dan JKM; JHT boleh ditambahkan.',
  packageUnknown: 'Paket hanya boleh berisi JKK, JKM dan JHT (JP dan JKP tidak terbuka bagi BPU).',
  packageTwice: 'Program dalam paket tidak boleh diulang.',
  funderType: 'Jenis sumber dana tidak dikenal.',
  workerGroup: 'Kelompok pekerja harus general atau transport.',
  budget: 'Anggaran harus rupiah bulat lebih dari 0.',
  seatsPerVillage: `Kursi per desa harus bilangan bulat 1–${PLAN_LIMITS.maxSeatsPerVillage.toLocaleString('id-ID')}.`,
  oneMode: 'Isi salah satu saja: anggaran per desa, anggaran total, atau kursi per desa.',
  villages: `Jumlah desa harus bilangan bulat 1–${PLAN_LIMITS.maxVillages.toLocaleString('id-ID')}.`,
  tooLarge: 'Angka perencanaan terlalu besar untuk dihitung.',
} as const;

export interface PlanInput {
  firstMonth: Month;
  /** Either the number of months or the last month (inclusive); both must agree when both are given. */
  months?: number;
  lastMonth?: Month;
  declaredIncome?: number;
  package: readonly BenefitProgram[];
  funderType?: FunderType;
  workerGroup?: WorkerGroup;
  budgetPerVillage?: number;
  budgetTotal?: number;
  seatsPerVillage?: number;
  villages: number;
}

export type PlanMode = 'budgetPerVillage' | 'budgetTotal' | 'seatsPerVillage';

/** Consecutive months at the same contribution. */
export interface RatePeriod {
  firstMonth: Month;
  lastMonth: Month;
  months: number;
  monthlyContribution: number;
  /** What one seat costs over these months. */
  costPerSeat: number;
  sources: string[];
}

export interface PlanResult {
  mode: PlanMode;
  firstMonth: Month;
  lastMonth: Month;
  months: number;
  declaredIncome: number;
  package: BenefitProgram[];
  villages: number;
  /** The first month's contribution per worker (see `periods` when it changes). */
  monthlyContribution: number;
  costPerSeat: number;
  seatsPerVillage: number;
  totalSeats: number;
  /** The money of one village: given, its share of the total (floor), or needed for the seats. */
  budgetPerVillage: number;
  /** The whole budget: given, or needed (reverse plan). */
  budget: number;
  used: number;
  remainder: number;
  budgetNeeded: number;
  periods: RatePeriod[];
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `first` to `last`, both included. */
export function monthSpan(first: Month, last: Month): number {
  const idx = (m: Month) => {
    const [y, mm] = m.split('-').map(Number) as [number, number];
    return y * 12 + mm;
  };
  return idx(last) - idx(first) + 1;
}

type Issue = { path: string; message: string };

const isWhole = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

function fail(issues: Issue[]): never {
  throw new DomainError('VALIDATION', issues[0]!.message, { issues });
}

function packageIssue(pkg: readonly string[]): string | undefined {
  if (!pkg.every((p) => (BENEFIT_PROGRAMS as readonly string[]).includes(p))) {
    return PLAN_MESSAGES.packageUnknown;
  }
  if (new Set(pkg).size !== pkg.length) return PLAN_MESSAGES.packageTwice;
  if (!pkg.includes('JKK') || !pkg.includes('JKM')) return PLAN_MESSAGES.packageBase;
  return undefined;
}

/** One worker's contribution for one month (DOMAIN §6: Rp16,800 for JKK + JKM at Rp1,000,000). */
export function monthlyContribution(
  declaredIncome: number,
  pkg: readonly BenefitProgram[],
  month: Month,
  funderType?: FunderType,
  workerGroup?: WorkerGroup,
): number {
  const issues: Issue[] = [];
  if (!isWhole(declaredIncome, DECLARED_INCOME.min, DECLARED_INCOME.max)) {
    issues.push({ path: 'declaredIncome', message: PLAN_MESSAGES.declaredIncome });
  }
  const bad = packageIssue(pkg);
  if (bad) issues.push({ path: 'package', message: bad });
  if (!isMonth(month)) issues.push({ path: 'month', message: PLAN_MESSAGES.month });
  if (funderType !== undefined && !Object.hasOwn(FUNDER_TYPES, funderType)) {
    issues.push({ path: 'funderType', message: PLAN_MESSAGES.funderType });
  }
  if (issues.length > 0) fail(issues);
  return contributionOf(rateFor(month, funderType, workerGroup), declaredIncome, pkg);
}

function resolvePeriod(input: PlanInput, issues: Issue[]): { last: Month; months: number } {
  const { firstMonth, lastMonth, months } = input;
  if (!isMonth(firstMonth)) issues.push({ path: 'firstMonth', message: PLAN_MESSAGES.month });
  if (lastMonth !== undefined && !isMonth(lastMonth)) {
    issues.push({ path: 'lastMonth', message: PLAN_MESSAGES.month });
  }
  if (months !== undefined && !isWhole(months, 1, PLAN_LIMITS.maxMonths)) {
    issues.push({ path: 'months', message: PLAN_MESSAGES.months });
  }
  if (months === undefined && lastMonth === undefined) {
    issues.push({ path: 'months', message: PLAN_MESSAGES.period });
  }
  if (issues.length > 0 || !isMonth(firstMonth)) return { last: firstMonth, months: 0 };
  if (lastMonth === undefined) return { last: addMonths(firstMonth, months! - 1), months: months! };
  const span = monthSpan(firstMonth, lastMonth);
  if (span < 1) issues.push({ path: 'lastMonth', message: PLAN_MESSAGES.lastBeforeFirst });
  else if (span > PLAN_LIMITS.maxMonths)
    issues.push({ path: 'months', message: PLAN_MESSAGES.months });
  else if (months !== undefined && months !== span) {
    issues.push({ path: 'months', message: PLAN_MESSAGES.monthsMismatch });
  }
  return { last: lastMonth, months: span };
}

function validate(input: PlanInput): { last: Month; months: number; mode: PlanMode } {
  const issues: Issue[] = [];
  const period = resolvePeriod(input, issues);
  const income = input.declaredIncome ?? DECLARED_INCOME.default;
  if (!isWhole(income, DECLARED_INCOME.min, DECLARED_INCOME.max)) {
    issues.push({ path: 'declaredIncome', message: PLAN_MESSAGES.declaredIncome });
  }
  const bad = packageIssue(input.package);
  if (bad) issues.push({ path: 'package', message: bad });
  if (input.funderType !== undefined && !Object.hasOwn(FUNDER_TYPES, input.funderType)) {
    issues.push({ path: 'funderType', message: PLAN_MESSAGES.funderType });
  }
  if (input.workerGroup !== undefined && !WORKER_GROUPS.includes(input.workerGroup)) {
    issues.push({ path: 'workerGroup', message: PLAN_MESSAGES.workerGroup });
  }
  const modes = (['budgetPerVillage', 'budgetTotal', 'seatsPerVillage'] as const).filter(
    (m) => input[m] !== undefined,
  );
  if (modes.length !== 1)
    issues.push({ path: modes[1] ?? 'budgetTotal', message: PLAN_MESSAGES.oneMode });
  for (const m of modes) {
    const ok =
      m === 'seatsPerVillage'
        ? isWhole(input[m], 1, PLAN_LIMITS.maxSeatsPerVillage)
        : isWhole(input[m], 1);
    if (!ok) {
      const message =
        m === 'seatsPerVillage' ? PLAN_MESSAGES.seatsPerVillage : PLAN_MESSAGES.budget;
      issues.push({ path: m, message });
    }
  }
  if (!isWhole(input.villages, 1, PLAN_LIMITS.maxVillages)) {
    issues.push({ path: 'villages', message: PLAN_MESSAGES.villages });
  }
  if (issues.length > 0) fail(issues);
  return { ...period, mode: modes[0]! };
}

/** The months of the period grouped into runs at the same contribution. */
export function ratePeriods(
  firstMonth: Month,
  months: number,
  monthly: (month: Month) => { amount: number; sources: string[] },
): RatePeriod[] {
  const out: RatePeriod[] = [];
  for (let i = 0; i < months; i++) {
    const month = addMonths(firstMonth, i);
    const { amount, sources } = monthly(month);
    const last = out.at(-1);
    if (last && last.monthlyContribution === amount && last.sources.join() === sources.join()) {
      last.lastMonth = month;
      last.months += 1;
      last.costPerSeat += amount;
    } else {
      out.push({
        firstMonth: month,
        lastMonth: month,
        months: 1,
        monthlyContribution: amount,
        costPerSeat: amount,
        sources,
      });
    }
  }
  return out;
}

/**
 * Seats per village and in total, money used and left over — or, given seats per village, the
 * budget needed. A total budget is split equally: each village gets the floor of its share.
 */
export function plan(input: PlanInput): PlanResult {
  const { last, months, mode } = validate(input);
  const declaredIncome = input.declaredIncome ?? DECLARED_INCOME.default;
  const pkg = BENEFIT_PROGRAMS.filter((p) => input.package.includes(p));
  const periods = ratePeriods(input.firstMonth, months, (month) => {
    const rate = rateFor(month, input.funderType, input.workerGroup);
    return { amount: contributionOf(rate, declaredIncome, pkg), sources: rate.sources };
  });
  const costPerSeat = periods.reduce((sum, p) => sum + p.costPerSeat, 0);
  const villages = input.villages;
  let seatsPerVillage: number;
  let budgetPerVillage: number;
  let budget: number;
  if (mode === 'seatsPerVillage') {
    seatsPerVillage = input.seatsPerVillage!;
    budgetPerVillage = seatsPerVillage * costPerSeat;
    budget = budgetPerVillage * villages;
  } else {
    budget = mode === 'budgetTotal' ? input.budgetTotal! : input.budgetPerVillage! * villages;
    budgetPerVillage =
      mode === 'budgetTotal' ? Math.floor(budget / villages) : input.budgetPerVillage!;
    seatsPerVillage = Math.floor(budgetPerVillage / costPerSeat);
  }
  const totalSeats = seatsPerVillage * villages;
  const used = totalSeats * costPerSeat;
  if (![budget, used, totalSeats].every(Number.isSafeInteger)) {
    fail([{ path: mode, message: PLAN_MESSAGES.tooLarge }]);
  }
  return {
    mode,
    firstMonth: input.firstMonth,
    lastMonth: last,
    months,
    declaredIncome,
    package: pkg,
    villages,
    monthlyContribution: periods[0]!.monthlyContribution,
    costPerSeat,
    seatsPerVillage,
    totalSeats,
    budgetPerVillage,
    budget,
    used,
    remainder: budget - used,
    budgetNeeded: used,
    periods,
  };
}
