import type {
  BudgetPlanRequest,
  VillageKind,
} from '../../../core/modules/programs/programs.schema.ts';
import { DECLARED_INCOME, type FunderType } from '../../../core/rules/contribution-rates.ts';

export type PlanMode = 'budgetTotal' | 'budgetPerVillage' | 'seatsPerVillage';
export type PeriodMode = 'months' | 'range';
export type VillageSource = 'count' | 'region';

/** The planner form as typed: numbers may be '' while a field is empty. */
export interface PlannerValues {
  mode: PlanMode;
  /** Rupiah for a budget, seats for seatsPerVillage. */
  amount: number | string;
  periodMode: PeriodMode;
  /** YYYY-MM-DD (first day of the month), as Mantine's month picker gives it. */
  firstMonth: string | null;
  lastMonth: string | null;
  months: number | string;
  declaredIncome: number | string;
  jht: boolean;
  funderType: FunderType | null;
  transport: boolean;
  villageSource: VillageSource;
  villages: number | string;
  region: string | null;
  villageKinds: VillageKind[];
}

/** Form fields that can carry a message from the server. */
export const PLANNER_FIELDS = [
  'amount',
  'firstMonth',
  'lastMonth',
  'months',
  'declaredIncome',
  'package',
  'funderType',
  'villages',
  'region',
  'villageKinds',
] as const;
export type PlannerField = (typeof PLANNER_FIELDS)[number];

/** Server field names → the form field that shows the message. */
export const SERVER_FIELDS: Record<string, PlannerField> = {
  budgetTotal: 'amount',
  budgetPerVillage: 'amount',
  seatsPerVillage: 'amount',
  workerGroup: 'funderType',
};

export function initialPlannerValues(today: string): PlannerValues {
  return {
    mode: 'budgetTotal',
    amount: '',
    periodMode: 'months',
    firstMonth: `${today.slice(0, 7)}-01`,
    lastMonth: null,
    months: 12,
    declaredIncome: DECLARED_INCOME.default,
    jht: false,
    funderType: null,
    transport: false,
    villageSource: 'count',
    villages: 1,
    region: null,
    villageKinds: ['desa'],
  };
}

const filled = (v: number | string): v is number => typeof v === 'number' && Number.isFinite(v);
const month = (v: string | null) => (v ? v.slice(0, 7) : undefined);

/**
 * The request for POST /api/budget/plan, or null while something needed is still empty (the
 * page then asks for it instead of showing the server's message for a field not yet typed).
 */
export function toPlanRequest(v: PlannerValues): BudgetPlanRequest | null {
  if (!filled(v.amount) || !filled(v.declaredIncome)) return null;
  if (v.periodMode === 'months' ? !filled(v.months) : !v.firstMonth || !v.lastMonth) return null;
  if (v.villageSource === 'count' ? !filled(v.villages) : !v.region) return null;
  const firstMonth = month(v.firstMonth);
  return {
    ...(v.periodMode === 'months'
      ? { months: v.months as number, ...(firstMonth ? { firstMonth } : {}) }
      : { firstMonth, lastMonth: month(v.lastMonth) }),
    declaredIncome: v.declaredIncome,
    package: v.jht ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM'],
    ...(v.funderType ? { funderType: v.funderType } : {}),
    ...(v.transport ? { workerGroup: 'transport' as const } : {}),
    [v.mode]: v.amount,
    ...(v.villageSource === 'count'
      ? { villages: v.villages as number }
      : { region: v.region!, villageKinds: v.villageKinds }),
  };
}
