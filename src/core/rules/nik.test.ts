import { describe, expect, it } from 'vitest';
import { checkNik, decodeNik, normaliseNik } from './nik.ts';

const today = '2026-11-24';
const known = new Set(['15.08.01', '15.08.02', '52.01.14']);
const ctx = (stated?: Parameters<typeof checkNik>[1]['stated']) => ({
  today,
  districtExists: (c: string) => known.has(c),
  ...(stated ? { stated } : {}),
});
const codes = (r: ReturnType<typeof checkNik>) => ({
  errors: r.errors.map((e) => e.code),
  warnings: r.warnings.map((w) => w.code),
});

describe('decodeNik', () => {
  it('reads district, birth date, sex and serial; women add 40 to the day', () => {
    expect(decodeNik('1508014107850001', today)).toEqual({
      nik: '1508014107850001',
      provinceCode: '15',
      regencyCode: '15.08',
      districtCode: '15.08.01',
      birthDate: '1985-07-01',
      sex: 'P',
      serial: '0001',
    });
    expect(decodeNik('1508011203010002', today)).toMatchObject({
      birthDate: '2001-03-12',
      sex: 'L',
    });
  });

  it('puts a two-digit year in the latest century not after today', () => {
    expect(decodeNik('1508012411260001', today)?.birthDate).toBe('2026-11-24');
    expect(decodeNik('1508012511270001', today)?.birthDate).toBe('1927-11-25');
  });

  it('refuses impossible dates, also for women (day 41–71)', () => {
    for (const bad of [
      '1508013202900001',
      '1508010013900001',
      '1508013002900001',
      '1508017202900001',
      '1508010002900001',
      '1508012902010001',
    ]) {
      expect(decodeNik(bad, today), bad).toBeUndefined();
    }
    expect(decodeNik('1508016902000001', today)?.birthDate).toBe('2000-02-29');
  });
});

describe('checkNik', () => {
  it('accepts a valid NIK with no warnings when the stated data agree', () => {
    const r = checkNik(
      '1508014107850001',
      ctx({ birthDate: '1985-07-01', sex: 'P', villageCode: '15.08.01.2001' }),
    );
    expect(codes(r)).toEqual({ errors: [], warnings: [] });
  });

  it('normalises what spreadsheets and people add', () => {
    expect(normaliseNik(' 1508 0141-0785.0001 ')).toBe('1508014107850001');
    expect(codes(checkNik('1508 0141 0785 0001', ctx()))).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    ['150801410785001', 'NIK_FORMAT', 'NIK harus 16 digit angka (yang diisi: 15 digit).'],
    ['15080141078500012', 'NIK_FORMAT', 'NIK harus 16 digit angka (yang diisi: 17 digit).'],
    [
      '1508O14107850001',
      'NIK_FORMAT',
      'NIK harus 16 digit angka (yang diisi: memuat selain angka).',
    ],
    ['', 'NIK_FORMAT', 'NIK harus 16 digit angka (yang diisi: kosong).'],
    [
      '1599014107850001',
      'NIK_REGION_UNKNOWN',
      'Kode wilayah NIK 15.99.01 tidak dikenal (6 digit pertama harus kode kecamatan).',
    ],
    [
      '1508013213850001',
      'NIK_DATE_INVALID',
      'Tanggal lahir dalam NIK (32-13-85) bukan tanggal yang mungkin.',
    ],
    ['1508014107850000', 'NIK_SERIAL_ZERO', 'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.'],
  ])('rejects %s with %s', (nik, code, message) => {
    const r = checkNik(nik, ctx());
    expect(r.errors).toContainEqual({ code, message });
  });

  it('warns when the stated birth date, sex or village disagree, as in OpenSID registers', () => {
    const r = checkNik(
      '1508014107850001',
      ctx({ birthDate: '1985-07-02', sex: 'L', villageCode: '15.08.02.2001' }),
    );
    expect(codes(r)).toEqual({
      errors: [],
      warnings: ['NIK_BIRTHDATE_MISMATCH', 'NIK_SEX_MISMATCH', 'NIK_REGION_DIFFERS'],
    });
    expect(r.warnings[0]!.message).toBe(
      'Tanggal lahir 1985-07-02 berbeda dengan yang tersirat dalam NIK (1985-07-01).',
    );
    expect(r.warnings[1]!.message).toBe(
      'Jenis kelamin laki-laki berbeda dengan yang tersirat dalam NIK (perempuan).',
    );
  });
});
