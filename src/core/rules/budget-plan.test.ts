import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  addMonths,
  monthSpan,
  monthlyContribution,
  plan,
  PLAN_MESSAGES,
  type PlanInput,
} from './budget-plan.ts';

const BASE: PlanInput = {
  firstMonth: '2027-01',
  months: 12,
  package: ['JKK', 'JKM'],
  villages: 1,
};

/** The issues a refused plan reports, as { field: message }. */
function issuesOf(input: PlanInput): Record<string, string> {
  try {
    plan(input);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    const err = e as DomainError;
    expect(err.code).toBe('VALIDATION');
    const issues = err.details!.issues as { path: string; message: string }[];
    expect(err.message).toBe(issues[0]!.message);
    return Object.fromEntries(issues.map((i) => [i.path, i.message]));
  }
  throw new Error('the plan was accepted');
}

describe('monthly contribution', () => {
  it('is Rp16,800 for JKK + JKM at Rp1,000,000, Rp36,800 with JHT', () => {
    expect(monthlyContribution(1_000_000, ['JKK', 'JKM'], '2027-01')).toBe(16_800);
    expect(monthlyContribution(1_000_000, ['JKK', 'JKM', 'JHT'], '2027-01')).toBe(36_800);
  });

  it('follows the month and the payer', () => {
    expect(monthlyContribution(1_000_000, ['JKK', 'JKM'], '2026-06', 'csr')).toBe(8_400);
    expect(monthlyContribution(1_000_000, ['JKK', 'JKM'], '2026-06', 'apbdes')).toBe(16_800);
  });

  it('refuses an income outside Rp1,000,000–Rp20,700,000 and a package without JKM', () => {
    expect(() => monthlyContribution(999_999, ['JKK', 'JKM'], '2027-01')).toThrow(
      PLAN_MESSAGES.declaredIncome,
    );
    expect(() => monthlyContribution(1_000_000, ['JKK'], '2027-01')).toThrow(
      PLAN_MESSAGES.packageBase,
    );
  });
});

describe('budget plan (DOMAIN §6: workers = floor(budget ÷ (monthly contribution × months)))', () => {
  it('buys 49 seats with Rp10,000,000 for 12 months, using Rp9,878,400 and leaving Rp121,600', () => {
    const r = plan({ ...BASE, budgetPerVillage: 10_000_000 });
    expect(r).toMatchObject({
      mode: 'budgetPerVillage',
      firstMonth: '2027-01',
      lastMonth: '2027-12',
      months: 12,
      declaredIncome: 1_000_000,
      monthlyContribution: 16_800,
      costPerSeat: 201_600,
      seatsPerVillage: 49,
      totalSeats: 49,
      budget: 10_000_000,
      used: 9_878_400,
      remainder: 121_600,
      budgetNeeded: 9_878_400,
    });
    expect(r.periods).toEqual([
      {
        firstMonth: '2027-01',
        lastMonth: '2027-12',
        months: 12,
        monthlyContribution: 16_800,
        costPerSeat: 201_600,
        sources: ['PP 44/2015 jo. PP 82/2019'],
      },
    ]);
  });

  it('gives the same answer for a total budget over one village', () => {
    const r = plan({ ...BASE, budgetTotal: 10_000_000 });
    expect([r.seatsPerVillage, r.totalSeats, r.used, r.remainder]).toEqual([
      49, 49, 9_878_400, 121_600,
    ]);
  });

  it('multiplies a budget per village by the villages', () => {
    const r = plan({ ...BASE, budgetPerVillage: 5_000_000, villages: 141 });
    // floor(5,000,000 ÷ 201,600) = 24 seats (Rp4,838,400), Rp161,600 left in each village
    expect(r).toMatchObject({
      seatsPerVillage: 24,
      totalSeats: 3_384,
      budgetPerVillage: 5_000_000,
      budget: 705_000_000,
      used: 682_214_400,
      remainder: 22_785_600,
    });
  });

  it('splits a total budget equally: each village gets the floor of its share, the rest is reported', () => {
    const r = plan({ ...BASE, budgetTotal: 100_000_001, villages: 3 });
    // share floor(100,000,001 ÷ 3) = 33,333,333 → floor(33,333,333 ÷ 201,600) = 165 seats
    expect(r).toMatchObject({
      mode: 'budgetTotal',
      budgetPerVillage: 33_333_333,
      seatsPerVillage: 165,
      totalSeats: 495,
      budget: 100_000_001,
      used: 99_792_000,
      remainder: 208_001,
    });
  });

  it('gives no seat when a village share is below the cost of one', () => {
    const r = plan({ ...BASE, budgetTotal: 1_000_000, villages: 10 });
    expect(r).toMatchObject({ seatsPerVillage: 0, totalSeats: 0, used: 0, remainder: 1_000_000 });
  });

  it('works out the budget needed for N seats (the reverse)', () => {
    const one = plan({ ...BASE, seatsPerVillage: 49 });
    expect(one).toMatchObject({ budgetNeeded: 9_878_400, used: 9_878_400, remainder: 0 });
    const bungo = plan({ ...BASE, seatsPerVillage: 25, villages: 141 });
    expect(bungo).toMatchObject({
      mode: 'seatsPerVillage',
      seatsPerVillage: 25,
      totalSeats: 3_525,
      budgetPerVillage: 5_040_000,
      budgetNeeded: 710_640_000,
      budget: 710_640_000,
      remainder: 0,
    });
  });

  it('accepts the period as first and last month', () => {
    const r = plan({
      firstMonth: '2027-04',
      lastMonth: '2027-12',
      package: ['JKK', 'JKM', 'JHT'],
      villages: 1,
      seatsPerVillage: 10,
    });
    expect(r).toMatchObject({ months: 9, costPerSeat: 9 * 36_800, budgetNeeded: 10 * 9 * 36_800 });
  });

  it('sums the months of a period across a rate change (PP 50/2025 from April 2026)', () => {
    const r = plan({
      ...BASE,
      firstMonth: '2026-01',
      funderType: 'csr',
      budgetPerVillage: 10_000_000,
    });
    // Jan–Mar at Rp16,800, Apr–Dec at Rp8,400: Rp126,000 a seat → 79 seats
    expect(r.periods.map((p) => [p.firstMonth, p.lastMonth, p.monthlyContribution])).toEqual([
      ['2026-01', '2026-03', 16_800],
      ['2026-04', '2026-12', 8_400],
    ]);
    expect(r.periods[1]!.sources).toContain('PP 50/2025');
    expect(r).toMatchObject({
      monthlyContribution: 16_800,
      costPerSeat: 126_000,
      seatsPerVillage: 79,
      used: 9_954_000,
      remainder: 46_000,
    });
  });

  it('charges the full rate to a regency budget inside the discount period (APBD is excluded)', () => {
    const r = plan({
      ...BASE,
      firstMonth: '2026-01',
      funderType: 'apbd_kabkota',
      budgetPerVillage: 10_000_000,
    });
    expect(r.periods).toHaveLength(1);
    expect(r).toMatchObject({ costPerSeat: 201_600, seatsPerVillage: 49, remainder: 121_600 });
  });

  it('discounts transport workers from January 2026 when a donor pays', () => {
    const r = plan({
      ...BASE,
      firstMonth: '2026-01',
      funderType: 'csr',
      workerGroup: 'transport',
      seatsPerVillage: 1,
    });
    expect(r.costPerSeat).toBe(12 * 8_400);
  });
});

describe('refused plans', () => {
  it('needs exactly one of budget per village, total budget or seats per village', () => {
    expect(issuesOf({ ...BASE })).toEqual({ budgetTotal: PLAN_MESSAGES.oneMode });
    expect(issuesOf({ ...BASE, budgetTotal: 1, seatsPerVillage: 2 })).toEqual({
      seatsPerVillage: PLAN_MESSAGES.oneMode,
    });
  });

  it('refuses budgets that are not whole positive rupiah, and bad seat counts', () => {
    expect(issuesOf({ ...BASE, budgetTotal: 0 })).toEqual({ budgetTotal: PLAN_MESSAGES.budget });
    expect(issuesOf({ ...BASE, budgetPerVillage: -5 })).toEqual({
      budgetPerVillage: PLAN_MESSAGES.budget,
    });
    expect(issuesOf({ ...BASE, budgetTotal: 1_000_000.5 })).toEqual({
      budgetTotal: PLAN_MESSAGES.budget,
    });
    expect(issuesOf({ ...BASE, seatsPerVillage: 0 })).toEqual({
      seatsPerVillage: PLAN_MESSAGES.seatsPerVillage,
    });
  });

  it('refuses a bad number of villages or months, and a bad period', () => {
    expect(issuesOf({ ...BASE, villages: 0, seatsPerVillage: 1 })).toEqual({
      villages: PLAN_MESSAGES.villages,
    });
    expect(issuesOf({ ...BASE, months: 0, seatsPerVillage: 1 })).toEqual({
      months: PLAN_MESSAGES.months,
    });
    expect(issuesOf({ ...BASE, months: 61, seatsPerVillage: 1 })).toEqual({
      months: PLAN_MESSAGES.months,
    });
    expect(issuesOf({ ...BASE, firstMonth: '2027-13', seatsPerVillage: 1 })).toEqual({
      firstMonth: PLAN_MESSAGES.month,
    });
    const noPeriod: PlanInput = { firstMonth: '2027-01', package: ['JKK', 'JKM'], villages: 1 };
    expect(issuesOf({ ...noPeriod, seatsPerVillage: 1 })).toEqual({
      months: PLAN_MESSAGES.period,
    });
    expect(issuesOf({ ...noPeriod, lastMonth: '2026-12', seatsPerVillage: 1 })).toEqual({
      lastMonth: PLAN_MESSAGES.lastBeforeFirst,
    });
    expect(issuesOf({ ...BASE, lastMonth: '2027-06', seatsPerVillage: 1 })).toEqual({
      months: PLAN_MESSAGES.monthsMismatch,
    });
  });

  it('refuses a package without JKK and JKM, or with JP and JKP (not open to BPU)', () => {
    expect(issuesOf({ ...BASE, package: ['JKK'], seatsPerVillage: 1 })).toEqual({
      package: PLAN_MESSAGES.packageBase,
    });
    expect(
      issuesOf({ ...BASE, package: ['JKK', 'JKM', 'JP'] as never, seatsPerVillage: 1 }),
    ).toEqual({ package: PLAN_MESSAGES.packageUnknown });
    expect(issuesOf({ ...BASE, package: ['JKK', 'JKM', 'JKM'], seatsPerVillage: 1 })).toEqual({
      package: PLAN_MESSAGES.packageTwice,
    });
  });

  it('refuses an income out of range, an unknown payer, and numbers too large to count', () => {
    expect(issuesOf({ ...BASE, declaredIncome: 25_000_000, seatsPerVillage: 1 })).toEqual({
      declaredIncome: PLAN_MESSAGES.declaredIncome,
    });
    expect(issuesOf({ ...BASE, funderType: 'bank' as never, seatsPerVillage: 1 })).toEqual({
      funderType: PLAN_MESSAGES.funderType,
    });
    expect(
      issuesOf({
        ...BASE,
        months: 60,
        declaredIncome: 20_700_000,
        package: ['JKK', 'JKM', 'JHT'],
        seatsPerVillage: 100_000,
        villages: 100_000,
      }),
    ).toEqual({ seatsPerVillage: PLAN_MESSAGES.tooLarge });
  });

  it('reports every bad field at once, in order', () => {
    expect(Object.keys(issuesOf({ ...BASE, months: 0, villages: 0, budgetTotal: -1 }))).toEqual([
      'months',
      'budgetTotal',
      'villages',
    ]);
  });
});

describe('month arithmetic', () => {
  it('adds months across years and counts a span with both ends', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2027-01', 11)).toBe('2027-12');
    expect(monthSpan('2026-11', '2027-10')).toBe(12);
    expect(monthSpan('2027-01', '2027-01')).toBe(1);
  });
});
