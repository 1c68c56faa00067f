import { describe, expect, it } from 'vitest';
import { formatRupiah, formatTime, formatTimestamp, todayInJakarta } from './format.ts';

describe('Jakarta times', () => {
  it('writes audit timestamps as dd MMM yyyy HH:mm:ss in WIB', () => {
    expect(formatTimestamp('2026-08-03T17:05:09Z')).toBe('04 Agu 2026 00:05:09');
  });

  it('writes a lock time as HH:mm in WIB', () => {
    expect(formatTime('2026-11-24T20:24:00Z')).toBe('03:24');
  });

  it('knows that Jakarta is already on the next day', () => {
    expect(todayInJakarta(new Date('2026-11-24T18:00:00Z'))).toBe('2026-11-25');
  });
});

describe('Rupiah', () => {
  it('writes whole rupiah with dots and no space after Rp', () => {
    expect(formatRupiah(9_878_400)).toBe('Rp9.878.400');
    expect(formatRupiah(121_600)).toBe('Rp121.600');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(-6_800)).toBe('-Rp6.800');
  });
});
