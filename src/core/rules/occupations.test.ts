import { describe, expect, it } from 'vitest';
import { findOccupation, OCCUPATIONS } from './occupations.ts';

describe('occupation codes', () => {
  it('has the 89 Dukcapil codes in order, each with a class', () => {
    expect(OCCUPATIONS.map((o) => o.code)).toEqual(Array.from({ length: 89 }, (_, i) => i + 1));
  });

  it('classes them as DOMAIN §5 says', () => {
    expect(findOccupation(1)).toMatchObject({ name: 'BELUM/TIDAK BEKERJA', class: 'not_worker' });
    expect(findOccupation(3)?.class).toBe('not_worker');
    expect(findOccupation(5)?.class).toBe('wage_earner');
    expect(findOccupation(15)?.class).toBe('wage_earner');
    expect(findOccupation(18)?.class).toBe('non_asn');
    expect(findOccupation(9)?.class).toBe('informal');
    expect(findOccupation(50)?.class).toBe('official');
    expect(findOccupation(85)?.class).toBe('village_official');
    expect(findOccupation(70)?.class).toBe('profession');
    expect(findOccupation(88)).toMatchObject({ name: 'WIRASWASTA', class: 'informal' });
    expect(findOccupation(90)).toBeUndefined();
  });
});
