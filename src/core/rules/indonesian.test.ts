import { describe, expect, it } from 'vitest';
import { longDate, monthName, rupiah } from './indonesian.ts';

describe('Indonesian words and figures', () => {
  it('writes dates, months and rupiah the Indonesian way', () => {
    expect(longDate('2027-01-01')).toBe('1 Januari 2027');
    expect(longDate('1985-07-31')).toBe('31 Juli 1985');
    expect(monthName('2026-11')).toBe('November 2026');
    expect(monthName('2027-03-01')).toBe('Maret 2027');
    expect(rupiah(9_878_400)).toBe('Rp9.878.400');
    expect(rupiah(121_600)).toBe('Rp121.600');
  });
});
