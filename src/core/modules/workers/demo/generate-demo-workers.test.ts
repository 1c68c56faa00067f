import { describe, expect, it } from 'vitest';
import { decodeNik } from '../../../rules/nik.ts';
import { findOccupation } from '../../../rules/occupations.ts';
import { WorkerInput } from '../workers.schema.ts';
import { generateDemoWorkers, mulberry32, type DemoInput } from './generate-demo-workers.ts';

const districts = ['15.08.01', '15.08.02', '15.08.03'];
const input: DemoInput = {
  villages: [
    { code: '15.08.01.1001', kind: 'kelurahan' },
    { code: '15.08.01.2001', kind: 'desa' },
    { code: '15.08.02.2001', kind: 'desa' },
    { code: '15.08.03.2002', kind: 'desa' },
  ],
  districts,
  count: 3_000,
  seed: 1,
  today: '2026-03-15',
};
const rows = [...generateDemoWorkers(input)];

function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return birthDate.slice(5) > today.slice(5) ? years - 1 : years;
}

describe('generateDemoWorkers', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect([...generateDemoWorkers(input)]).toEqual(rows);
    const other = [...generateDemoWorkers({ ...input, seed: 2 })];
    expect(other.map((w) => w.nik)).not.toEqual(rows.map((w) => w.nik));
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('yields exactly the count, every village getting some, NIKs unique', () => {
    expect(rows).toHaveLength(3_000);
    for (const v of input.villages)
      expect(rows.filter((w) => w.villageCode === v.code).length).toBeGreaterThan(100);
    expect(new Set(rows.map((w) => w.nik)).size).toBe(3_000);
  });

  it('gives ages 18–64 today, and the NIK encodes sex and birth date unless a warning says otherwise', () => {
    for (const w of rows) {
      const age = ageOn(w.birthDate, input.today);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(64);
      const decoded = decodeNik(w.nik, input.today)!;
      expect(districts).toContain(decoded.districtCode);
      const codes = (w.warnings ?? []).map((x) => x.code);
      if (!codes.includes('NIK_SEX_MISMATCH')) expect(decoded.sex).toBe(w.sex);
      if (!codes.includes('NIK_BIRTHDATE_MISMATCH')) expect(decoded.birthDate).toBe(w.birthDate);
      if (!codes.includes('NIK_REGION_DIFFERS'))
        expect(w.villageCode.startsWith(`${decoded.districtCode}.`)).toBe(true);
      expect(w.openWarnings).toBe(codes.length);
    }
  });

  it('makes rows the worker form would accept', () => {
    for (const w of rows.slice(0, 500)) {
      const parsed = WorkerInput.safeParse({
        ...w,
        kk: w.kk ?? undefined,
        birthPlace: w.birthPlace ?? undefined,
        address: w.address ?? undefined,
        dusun: w.dusun ?? undefined,
        rw: w.rw ?? undefined,
        rt: w.rt ?? undefined,
        phone: w.phone ?? undefined,
        welfareDecile: w.welfareDecile ?? undefined,
        decileYear: w.decileYear ?? undefined,
      });
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(findOccupation(w.occupationCode)).toBeDefined();
      expect(w.rt).toMatch(/^\d{3}$/);
      expect(w.rw).toMatch(/^\d{3}$/);
    }
  });

  it('puts one village official in each desa and none in a kelurahan', () => {
    const officials = rows.filter((w) => w.segment === 'perangkat_desa');
    expect(officials.map((w) => w.villageCode).sort()).toEqual([
      '15.08.01.2001',
      '15.08.02.2001',
      '15.08.03.2002',
    ]);
    expect(officials.every((w) => w.occupationCode === 85)).toBe(true);
    expect(rows.filter((w) => w.villageCode === '15.08.01.1001').every((w) => !w.dusun)).toBe(true);
  });
});
