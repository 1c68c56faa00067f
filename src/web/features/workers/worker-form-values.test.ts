import { describe, expect, it } from 'vitest';
import { WorkerInput } from '../../../core/modules/workers/workers.schema.ts';
import { emptyValues, toInput, toPatch } from './worker-form-values.ts';

const siti = {
  ...emptyValues('15.08.01.2001'),
  nik: '1508 0141 0785 0001',
  fullName: ' Siti Aminah ',
  birthDate: '1985-07-01',
  sex: 'P' as const,
  occupationCode: '9',
};

describe('worker form values', () => {
  it('builds a body the contract accepts, NIK without spaces and empty fields left out', () => {
    const body = toInput(siti);
    expect(body).toMatchObject({
      nik: '1508014107850001',
      fullName: 'Siti Aminah',
      occupationCode: 9,
    });
    expect(body.phone).toBeUndefined();
    expect(WorkerInput.safeParse(body).success).toBe(true);
  });

  it('patches only what changed and never an untyped NIK', () => {
    const original = { ...siti, nik: '' };
    const edited = { ...original, phone: '0812-7345-1190', declaredIncome: 1_500_000 };
    expect(toPatch(edited, original)).toEqual({
      phone: '0812-7345-1190',
      declaredIncome: 1_500_000,
    });
  });
});
