import { describe, expect, it } from 'vitest';
import { initialPlannerValues, toPlanRequest, type PlannerValues } from './planner-values.ts';
import { formatBasisPoints, formatMonth, formatMonthRange } from './planner-format.ts';

const start = initialPlannerValues('2026-11-24');

describe('planner form → request', () => {
  it('starts with 12 months from the current month, Rp1,000,000, JKK + JKM, one village', () => {
    expect(start).toMatchObject({
      firstMonth: '2026-11-01',
      months: 12,
      declaredIncome: 1_000_000,
      villages: 1,
      jht: false,
    });
    expect(toPlanRequest(start)).toBeNull(); // no budget typed yet
  });

  it('sends a total budget over a number of villages', () => {
    expect(toPlanRequest({ ...start, amount: 10_000_000 })).toEqual({
      months: 12,
      firstMonth: '2026-11',
      declaredIncome: 1_000_000,
      package: ['JKK', 'JKM'],
      budgetTotal: 10_000_000,
      villages: 1,
    });
  });

  it('sends seats per village over the desa and kelurahan of a region, with JHT and a payer', () => {
    const v: PlannerValues = {
      ...start,
      mode: 'seatsPerVillage',
      amount: 25,
      periodMode: 'range',
      firstMonth: '2027-01-01',
      lastMonth: '2027-12-01',
      jht: true,
      funderType: 'csr',
      transport: true,
      villageSource: 'region',
      region: '15.08',
      villageKinds: ['desa', 'kelurahan'],
    };
    expect(toPlanRequest(v)).toEqual({
      firstMonth: '2027-01',
      lastMonth: '2027-12',
      declaredIncome: 1_000_000,
      package: ['JKK', 'JKM', 'JHT'],
      funderType: 'csr',
      workerGroup: 'transport',
      seatsPerVillage: 25,
      region: '15.08',
      villageKinds: ['desa', 'kelurahan'],
    });
  });

  it('waits while a needed field is empty', () => {
    const withBudget = { ...start, amount: 10_000_000 };
    expect(toPlanRequest({ ...withBudget, months: '' })).toBeNull();
    expect(toPlanRequest({ ...withBudget, villages: '' })).toBeNull();
    expect(toPlanRequest({ ...withBudget, declaredIncome: '' })).toBeNull();
    expect(toPlanRequest({ ...withBudget, villageSource: 'region' })).toBeNull();
    expect(toPlanRequest({ ...withBudget, periodMode: 'range' })).toBeNull();
  });
});

describe('planner formatting', () => {
  it('writes months and shares the Indonesian way', () => {
    expect(formatMonth('2027-01')).toBe('Januari 2027');
    expect(formatMonthRange('2026-11', '2027-10')).toBe('November 2026 – Oktober 2027');
    expect(formatMonthRange('2027-03', '2027-03')).toBe('Maret 2027');
    expect(formatBasisPoints(100)).toBe('1%');
    expect(formatBasisPoints(250)).toBe('2,5%');
  });
});
