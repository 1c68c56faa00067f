import { describe, expect, it } from 'vitest';
import {
  ancestorCodesOf,
  normaliseRegionCode,
  parentCodeOf,
  regencyKindOf,
  regionLevelOf,
  villageKindOf,
} from './region-code.ts';

describe('region codes (Kemendagri PP.KK.CC.VVVV)', () => {
  it('tells the level from the shape of the code', () => {
    expect(regionLevelOf('15')).toBe('province');
    expect(regionLevelOf('15.08')).toBe('regency');
    expect(regionLevelOf('15.08.01')).toBe('district');
    expect(regionLevelOf('15.08.01.2001')).toBe('village');
  });

  it('rejects malformed codes', () => {
    for (const bad of [
      '',
      '1',
      '150',
      '15.8',
      '15.08.1',
      '15.08.01.201',
      '15.08.01.20011',
      'ab',
      '15.08.',
      '15..08',
    ]) {
      expect(regionLevelOf(bad), bad).toBeUndefined();
    }
  });

  it('tells desa, kelurahan and desa adat from the first digit of the village part', () => {
    expect(villageKindOf('15.08.01.2001')).toBe('desa');
    expect(villageKindOf('15.08.02.1001')).toBe('kelurahan');
    expect(villageKindOf('51.03.01.3001')).toBe('desa_adat');
    expect(villageKindOf('15.08.01.4001')).toBeUndefined();
    expect(villageKindOf('15.08')).toBeUndefined();
  });

  it('tells kabupaten (01–69) from kota (71–99)', () => {
    expect(regencyKindOf('15.08')).toBe('kabupaten');
    expect(regencyKindOf('15.71')).toBe('kota');
    expect(regencyKindOf('15.70')).toBeUndefined();
    expect(regencyKindOf('15.00')).toBeUndefined();
  });

  it('finds parent and ancestors by prefix', () => {
    expect(parentCodeOf('15')).toBeNull();
    expect(parentCodeOf('15.08.01.2001')).toBe('15.08.01');
    expect(ancestorCodesOf('15.08.01.2001')).toEqual(['15', '15.08', '15.08.01']);
    expect(ancestorCodesOf('15')).toEqual([]);
  });

  it('normalises codes typed without dots or with spaces', () => {
    expect(normaliseRegionCode('1508')).toBe('15.08');
    expect(normaliseRegionCode(' 15 08 01 ')).toBe('15.08.01');
    expect(normaliseRegionCode('1508012001')).toBe('15.08.01.2001');
    expect(normaliseRegionCode('15.08')).toBe('15.08');
    expect(normaliseRegionCode('150')).toBeUndefined();
    expect(normaliseRegionCode('Bungo')).toBeUndefined();
  });
});
