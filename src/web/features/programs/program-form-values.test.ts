import { describe, expect, it } from 'vitest';
import { ProgramInput } from '../../../core/modules/programs/program.schema.ts';
import {
  emptyProgramValues,
  toPreviewRequest,
  toProgramInput,
  type ProgramFormValues,
} from './program-form-values.ts';

const bungo = (patch: Partial<ProgramFormValues> = {}): ProgramFormValues => ({
  ...emptyProgramValues('2026-11-24', '15.08'),
  name: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2027',
  funderType: 'apbd_kabkota',
  ...patch,
});

describe('the program form', () => {
  it('starts with next year, 25 seats in every desa, ages 15–65', () => {
    const v = emptyProgramValues('2026-11-24', '15.08');
    expect([v.firstMonth, v.lastMonth, v.rule, v.seats, v.villageKinds]).toEqual([
      '2027-01-01',
      '2027-12-01',
      'per_village',
      25,
      ['desa'],
    ]);
    expect([v.minAge, v.maxAge, v.declaredIncome, v.districtStep]).toEqual([
      15,
      65,
      1_000_000,
      true,
    ]);
  });

  it('sends the request of the issue, which the server contract accepts', () => {
    const body = toProgramInput(bungo({ budgetReference: '  ', maxDecile: '4', jht: true }));
    expect(body).toMatchObject({
      ownerRegion: '15.08',
      firstMonth: '2027-01',
      lastMonth: '2027-12',
      budgetReference: null,
      package: ['JKK', 'JKM', 'JHT'],
      eligibility: { minAge: 15, maxAge: 65, maxDecile: 4, occupations: [] },
      quota: { rule: 'per_village', seats: 25, villageKinds: ['desa'] },
    });
    expect(ProgramInput.safeParse(body).success).toBe(true);
    const explicit = toProgramInput(bungo({ rule: 'explicit', seats: 25 }));
    expect(explicit.quota).toEqual({ rule: 'explicit', villageKinds: ['desa'] });
  });

  it('asks the planner for the owner region’s villages, or nothing while a field is empty', () => {
    expect(toPreviewRequest(bungo())).toEqual({
      firstMonth: '2027-01',
      lastMonth: '2027-12',
      declaredIncome: 1_000_000,
      package: ['JKK', 'JKM'],
      funderType: 'apbd_kabkota',
      seatsPerVillage: 25,
      region: '15.08',
      villageKinds: ['desa'],
    });
    expect(
      toPreviewRequest(bungo({ rule: 'budget_per_village', budgetPerVillage: 10_000_000 })),
    ).toMatchObject({ budgetPerVillage: 10_000_000 });
    expect(toPreviewRequest(bungo({ rule: 'explicit' }))).toMatchObject({ seatsPerVillage: 1 });
    expect(toPreviewRequest(bungo({ seats: '' }))).toBeNull();
    expect(toPreviewRequest(bungo({ ownerRegion: null }))).toBeNull();
    expect(toPreviewRequest(bungo({ villageKinds: [] }))).toBeNull();
  });
});
