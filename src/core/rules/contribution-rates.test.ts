import { describe, expect, it } from 'vitest';
import {
  BASE_RATES,
  DISCOUNTS,
  FUNDER_TYPES,
  contributionOf,
  isMonth,
  rateFor,
  type BenefitProgram,
  type FunderType,
  type WorkerGroup,
} from './contribution-rates.ts';

const JKK_JKM: BenefitProgram[] = ['JKK', 'JKM'];
const pay = (
  month: string,
  opts: { funder?: FunderType; group?: WorkerGroup; income?: number; pkg?: BenefitProgram[] } = {},
) =>
  contributionOf(
    rateFor(month, opts.funder, opts.group),
    opts.income ?? 1_000_000,
    opts.pkg ?? JKK_JKM,
  );

describe('contribution rates of BPU members (DOMAIN §6)', () => {
  it('charges JKK 1 % of the declared income and JKM Rp6,800: Rp16,800 at Rp1,000,000', () => {
    const rate = rateFor('2025-01');
    expect(rate.programs.JKK).toEqual({ percentBp: 100, flat: 0, cutBp: 0 });
    expect(rate.programs.JKM).toEqual({ percentBp: 0, flat: 6_800, cutBp: 0 });
    expect(rate.programs.JHT).toEqual({ percentBp: 200, flat: 0, cutBp: 0 });
    expect(pay('2025-01')).toBe(16_800);
    expect(pay('2025-01', { pkg: ['JKK'] })).toBe(10_000);
    expect(pay('2025-01', { pkg: ['JKM'] })).toBe(6_800);
    expect(rate.sources).toEqual(['PP 44/2015 jo. PP 82/2019']);
  });

  it('adds JHT at 2 %: Rp36,800 with JHT', () => {
    expect(pay('2025-01', { pkg: ['JKK', 'JKM', 'JHT'] })).toBe(36_800);
  });

  it('scales JKK with the declared income, JKM stays flat', () => {
    expect(pay('2025-01', { income: 20_700_000 })).toBe(207_000 + 6_800);
    expect(pay('2025-01', { income: 2_000_000, pkg: ['JKK', 'JKM', 'JHT'] })).toBe(
      20_000 + 6_800 + 40_000,
    );
  });

  it('rounds the month to the rupiah once, half up', () => {
    // JKK 1 % of Rp1,234,567 = Rp12,345.67 → the month Rp19,145.67 → Rp19,146
    expect(pay('2025-01', { income: 1_234_567 })).toBe(19_146);
    // PP 50/2025 halves it: Rp9,572.835 → Rp9,573
    expect(pay('2026-05', { income: 1_234_567, funder: 'csr' })).toBe(9_573);
    // exactly half a rupiah goes up: 1 % of Rp1,000,050 = Rp10,000.50
    expect(pay('2025-01', { income: 1_000_050, pkg: ['JKK'] })).toBe(10_001);
  });

  it('cuts JKK and JKM by 99 % from August 2020 to January 2021 (PP 49/2020), for every payer', () => {
    expect(pay('2020-07', { funder: 'apbd_kabkota' })).toBe(16_800);
    expect(pay('2020-08', { funder: 'apbd_kabkota' })).toBe(168);
    expect(pay('2021-01')).toBe(168);
    expect(pay('2021-02')).toBe(16_800);
    // JHT is not discounted
    expect(pay('2020-10', { pkg: ['JKK', 'JKM', 'JHT'] })).toBe(168 + 20_000);
    expect(rateFor('2020-10').sources).toEqual(['PP 44/2015 jo. PP 82/2019', 'PP 49/2020']);
  });

  it('halves JKK and JKM for other workers from April to December 2026 (PP 50/2025)', () => {
    expect(pay('2026-03', { funder: 'csr' })).toBe(16_800);
    expect(pay('2026-04', { funder: 'csr' })).toBe(8_400);
    expect(pay('2026-12', { funder: 'mandiri' })).toBe(8_400);
    expect(pay('2027-01', { funder: 'csr' })).toBe(16_800);
    expect(pay('2026-06', { funder: 'csr', pkg: ['JKK', 'JKM', 'JHT'] })).toBe(8_400 + 20_000);
    expect(rateFor('2026-06', 'csr').sources).toEqual(['PP 44/2015 jo. PP 82/2019', 'PP 50/2025']);
  });

  it('halves them for transport workers from January 2026 to March 2027', () => {
    expect(pay('2025-12', { funder: 'csr', group: 'transport' })).toBe(16_800);
    expect(pay('2026-01', { funder: 'csr', group: 'transport' })).toBe(8_400);
    expect(pay('2026-01', { funder: 'csr', group: 'general' })).toBe(16_800);
    expect(pay('2027-03', { funder: 'csr', group: 'transport' })).toBe(8_400);
    expect(pay('2027-04', { funder: 'csr', group: 'transport' })).toBe(16_800);
  });

  it('gives no PP 50/2025 discount when APBN or APBD pays', () => {
    for (const funder of ['apbn', 'apbd_provinsi', 'apbd_kabkota'] as const) {
      expect(pay('2026-06', { funder }), funder).toBe(16_800);
      expect(pay('2026-02', { funder, group: 'transport' }), funder).toBe(16_800);
    }
  });

  it('treats village money and BKBK as APBD by default (the open question of DOMAIN §6)', () => {
    for (const funder of ['apbdes', 'apb_nagari', 'bkbk'] as const) {
      expect(FUNDER_TYPES[funder].stateBudget).toBe(true);
      expect(pay('2026-06', { funder }), funder).toBe(16_800);
    }
  });

  it('applies no discount that excludes APBD when the payer is not known', () => {
    expect(pay('2026-06')).toBe(16_800);
    expect(rateFor('2026-06').programs.JKK.cutBp).toBe(0);
  });

  it('refuses a malformed month and a month before the first rate', () => {
    expect(() => rateFor('2026-13')).toThrow('Bulan "2026-13" tidak valid: gunakan TTTT-BB.');
    expect(() => rateFor('2026-1')).toThrow('tidak valid');
    expect(() => rateFor('2015-06')).toThrow(
      'Tarif iuran untuk bulan 2015-06 tidak tersedia (tarif berlaku sejak 2015-07).',
    );
    expect(rateFor('2015-07').month).toBe('2015-07');
  });

  it('keeps a well-formed table: months valid, periods ordered, cuts within 0–100 %', () => {
    expect(isMonth('2026-00')).toBe(false);
    for (const r of BASE_RATES) expect(isMonth(r.from)).toBe(true);
    for (const d of DISCOUNTS) {
      expect(isMonth(d.from) && isMonth(d.to), d.source).toBe(true);
      expect(d.from <= d.to, d.source).toBe(true);
      expect(d.cutBp).toBeGreaterThan(0);
      expect(d.cutBp).toBeLessThanOrEqual(10_000);
      expect(d.source).toMatch(/^PP \d+\/\d{4}$/);
    }
  });
});
