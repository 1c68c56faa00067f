import type { ProgramDetail, ProgramInput } from '../../../core/modules/programs/program.schema.ts';
import type {
  BudgetPlanRequest,
  VillageKind,
} from '../../../core/modules/programs/programs.schema.ts';
import { DECLARED_INCOME, type FunderType } from '../../../core/rules/contribution-rates.ts';

export type QuotaRule = 'per_village' | 'budget_per_village' | 'explicit';

/** The program form as typed: numbers may be '' while a field is empty. */
export interface ProgramFormValues {
  name: string;
  ownerRegion: string | null;
  funderType: FunderType | null;
  budgetReference: string;
  previousId: string | null;
  /** YYYY-MM-DD (first day of the month), as Mantine's month picker gives it. */
  firstMonth: string | null;
  lastMonth: string | null;
  jht: boolean;
  declaredIncome: number | string;
  minAge: number | string;
  maxAge: number | string;
  segments: string[];
  /** Occupation codes as strings (a MultiSelect's values). */
  occupations: string[];
  maxDecile: string | null;
  rule: QuotaRule;
  seats: number | string;
  budgetPerVillage: number | string;
  villageKinds: VillageKind[];
  districtStep: boolean;
}

/** Form fields that can carry a message (the server's paths end in these names). */
export const PROGRAM_FIELDS = [
  'name',
  'ownerRegion',
  'funderType',
  'budgetReference',
  'previousId',
  'firstMonth',
  'lastMonth',
  'package',
  'declaredIncome',
  'minAge',
  'maxAge',
  'segments',
  'occupations',
  'maxDecile',
  'rule',
  'seats',
  'budgetPerVillage',
  'villageKinds',
  'districtStep',
] as const;
export type ProgramField = (typeof PROGRAM_FIELDS)[number];

/** A new program: next year's budget, January to December, 25 seats in every desa. */
export function emptyProgramValues(today: string, ownerRegion: string | null): ProgramFormValues {
  const year = Number(today.slice(0, 4)) + 1;
  return {
    name: '',
    ownerRegion,
    funderType: null,
    budgetReference: '',
    previousId: null,
    firstMonth: `${year}-01-01`,
    lastMonth: `${year}-12-01`,
    jht: false,
    declaredIncome: DECLARED_INCOME.default,
    minAge: 15,
    maxAge: 65,
    segments: [],
    occupations: [],
    maxDecile: null,
    rule: 'per_village',
    seats: 25,
    budgetPerVillage: '',
    villageKinds: ['desa'],
    districtStep: true,
  };
}

export function valuesFromDetail(p: ProgramDetail): ProgramFormValues {
  return {
    name: p.name,
    ownerRegion: p.ownerRegion,
    funderType: p.funderType,
    budgetReference: p.budgetReference ?? '',
    previousId: p.previous?.id ?? null,
    firstMonth: `${p.firstMonth}-01`,
    lastMonth: `${p.lastMonth}-01`,
    jht: p.package.includes('JHT'),
    declaredIncome: p.declaredIncome,
    minAge: p.eligibility.minAge,
    maxAge: p.eligibility.maxAge,
    segments: p.eligibility.segments,
    occupations: p.eligibility.occupations.map(String),
    maxDecile: p.eligibility.maxDecile === null ? null : String(p.eligibility.maxDecile),
    rule: p.quota.rule,
    seats: p.quota.seats ?? 25,
    budgetPerVillage: p.quota.budgetPerVillage ?? '',
    villageKinds: p.quota.villageKinds,
    districtStep: p.districtStep,
  };
}

const num = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const month = (v: string | null) => (v ? v.slice(0, 7) : undefined);

/** The body of POST /api/programs (and of PATCH: the whole program, checked whole). */
export function toProgramInput(v: ProgramFormValues): ProgramInput {
  const quota =
    v.rule === 'per_village'
      ? { rule: v.rule, seats: num(v.seats) }
      : v.rule === 'budget_per_village'
        ? { rule: v.rule, budgetPerVillage: num(v.budgetPerVillage) }
        : { rule: v.rule };
  return {
    name: v.name,
    ownerRegion: v.ownerRegion ?? '',
    funderType: v.funderType as FunderType,
    budgetReference: v.budgetReference.trim() || null,
    previousId: v.previousId,
    firstMonth: month(v.firstMonth) ?? '',
    lastMonth: month(v.lastMonth) ?? '',
    package: v.jht ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM'],
    declaredIncome: num(v.declaredIncome),
    eligibility: {
      minAge: num(v.minAge) as number,
      maxAge: num(v.maxAge) as number,
      segments: v.segments as never[],
      occupations: v.occupations.map(Number),
      maxDecile: v.maxDecile === null ? null : Number(v.maxDecile),
    },
    quota: { ...quota, villageKinds: v.villageKinds },
    districtStep: v.districtStep,
  };
}

/**
 * What the planner is asked for the live preview: the owner region's villages of the chosen kinds
 * with the seats (or the budget) per village; one seat per village for an explicit list (the cost
 * of a seat and the number of villages). Null while something needed is empty.
 */
export function toPreviewRequest(v: ProgramFormValues): BudgetPlanRequest | null {
  const income = num(v.declaredIncome);
  const first = month(v.firstMonth);
  const last = month(v.lastMonth);
  if (!v.ownerRegion || !first || !last || income === undefined || v.villageKinds.length === 0)
    return null;
  const amount =
    v.rule === 'per_village'
      ? { seatsPerVillage: num(v.seats) }
      : v.rule === 'budget_per_village'
        ? { budgetPerVillage: num(v.budgetPerVillage) }
        : { seatsPerVillage: 1 };
  if (Object.values(amount)[0] === undefined) return null;
  return {
    firstMonth: first,
    lastMonth: last,
    declaredIncome: income,
    package: v.jht ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM'],
    ...(v.funderType ? { funderType: v.funderType } : {}),
    ...amount,
    region: v.ownerRegion,
    villageKinds: v.villageKinds,
  };
}
