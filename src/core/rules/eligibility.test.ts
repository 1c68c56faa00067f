import { describe, expect, it } from 'vitest';
import { SEGMENTS } from '../modules/workers/workers.schema.ts';
import {
  ageOn,
  checkEligibility,
  comparePriority,
  enrollmentPeriod,
  isEligible,
  priorityOf,
  SEGMENT_PRIORITY,
  type EligibilityProgram,
  type EligibilityWorker,
} from './eligibility.ts';

/** Kabupaten Bungo's 2027 program: 15–65, every segment and BPU occupation, desa only. */
const PROGRAM: EligibilityProgram = {
  firstMonth: '2027-01-01',
  lastMonth: '2027-12-01',
  eligibility: { minAge: 15, maxAge: 65, segments: [], occupations: [], maxDecile: null },
  villageKinds: ['desa'],
};
const BEFORE = '2026-11-20';

/** Siti Aminah, farmer (9) in a desa, born 1985. */
const SITI: EligibilityWorker = {
  birthDate: '1985-07-01',
  segment: 'pekerja_rentan',
  occupationCode: 9,
  welfareDecile: 2,
  lifeStatus: 'alive',
  mergedInto: null,
  villageKind: 'desa',
  openWarnings: 0,
};

const check = (
  w: Partial<EligibilityWorker>,
  p: Partial<EligibilityProgram> & { rules?: Partial<EligibilityProgram['eligibility']> } = {},
  today = BEFORE,
) =>
  checkEligibility(
    { ...SITI, ...w },
    { ...PROGRAM, ...p, eligibility: { ...PROGRAM.eligibility, ...p.rules } },
    today,
  );
const codes = (...args: Parameters<typeof check>) => check(...args).map((i) => i.code);

describe('eligibility (DOMAIN §5)', () => {
  it('admits an informal worker of working age in a desa', () => {
    expect(check({})).toEqual([]);
    expect(isEligible(check({}))).toBe(true);
  });

  it('counts age on the first day of the period, limits inclusive', () => {
    // 65 on 1 Jan 2027 (born 2 Jan 1961 turns 66 the next day): admitted
    expect(check({ birthDate: '1961-01-02' })).toEqual([]);
    expect(check({ birthDate: '1961-01-01' })).toEqual([
      {
        code: 'TOO_OLD',
        message: 'Usia 66 tahun pada 1 Januari 2027; maksimal 65 tahun.',
        severity: 'error',
      },
    ]);
    expect(check({ birthDate: '2012-01-01' })).toEqual([]);
    expect(check({ birthDate: '2012-01-02' })[0]!.message).toBe(
      'Usia 14 tahun pada 1 Januari 2027; minimal 15 tahun.',
    );
    // a program's own limit ("under 60")
    expect(check({ birthDate: '1966-06-01' }, { rules: { maxAge: 59 } })[0]!.code).toBe('TOO_OLD');
  });

  it('counts age from the current month once the period has started', () => {
    // 66 on 1 Jun 2027, the first month a proposal in June covers
    expect(codes({ birthDate: '1961-05-15' }, {}, '2027-06-10')).toEqual(['TOO_OLD']);
    expect(codes({ birthDate: '1961-05-15' })).toEqual([]);
  });

  it('refuses after the period and computes the months a seat covers', () => {
    expect(check({}, {}, '2028-01-02')[0]).toMatchObject({
      code: 'PERIOD_ENDED',
      message: 'Periode program sudah berakhir (2027-12).',
    });
    expect(enrollmentPeriod(PROGRAM, BEFORE)).toEqual({
      firstMonth: '2027-01-01',
      lastMonth: '2027-12-01',
    });
    expect(enrollmentPeriod(PROGRAM, '2027-04-30')).toEqual({
      firstMonth: '2027-04-01',
      lastMonth: '2027-12-01',
    });
    expect(enrollmentPeriod(PROGRAM, '2027-12-31')).toEqual({
      firstMonth: '2027-12-01',
      lastMonth: '2027-12-01',
    });
    expect(enrollmentPeriod(PROGRAM, '2028-01-01')).toBeNull();
  });

  it('refuses the dead, those who moved away and merged records', () => {
    expect(check({ lifeStatus: 'dead', deathDate: '2026-08-17' })[0]!.message).toBe(
      'Pekerja sudah meninggal dunia (17 Agustus 2026).',
    );
    expect(check({ lifeStatus: 'moved', movedDate: '2026-03-05' })[0]!.message).toBe(
      'Pekerja sudah pindah dari desa (5 Maret 2026).',
    );
    expect(codes({ lifeStatus: 'dead' })).toEqual(['DEAD']);
    expect(codes({ mergedInto: '00000000-0000-4000-8000-000000000001' })).toEqual(['MERGED']);
  });

  it('admits only the segments a program names', () => {
    const rules = { segments: ['pekerja_rentan', 'kader'] };
    expect(codes({ segment: 'kader' }, { rules })).toEqual([]);
    expect(check({ segment: 'bpd_rt_rw' }, { rules })[0]!.message).toBe(
      'Segmen BPD/RT/RW tidak termasuk program ini (hanya pekerja rentan, kader).',
    );
  });

  it('never admits non-workers, wage earners and officials', () => {
    expect(check({ occupationCode: 2 })[0]!.message).toBe(
      'Pekerjaan Mengurus Rumah Tangga: bukan pekerja.',
    );
    expect(check({ occupationCode: 15 })[0]!.message).toBe(
      'Pekerjaan Karyawan Swasta: pekerja penerima upah (PU), bukan BPU.',
    );
    expect(codes({ occupationCode: 58 })).toEqual(['OCCUPATION_CLASS']);
    // not even when a program lists the occupation
    expect(codes({ occupationCode: 5 }, { rules: { occupations: [5, 9] } })).toEqual([
      'OCCUPATION_CLASS',
    ]);
  });

  it('admits village officials and non-ASN staff only in programs for their segment', () => {
    expect(check({ occupationCode: 85 })[0]!.message).toBe(
      'Pekerjaan Perangkat Desa hanya untuk program segmen perangkat desa.',
    );
    expect(codes({ occupationCode: 85 }, { rules: { segments: ['perangkat_desa'] } })).toEqual([
      'SEGMENT',
    ]);
    expect(
      codes(
        { occupationCode: 85, segment: 'perangkat_desa' },
        { rules: { segments: ['perangkat_desa'] } },
      ),
    ).toEqual([]);
    expect(check({ occupationCode: 18 })[0]!.message).toBe(
      'Pekerjaan Karyawan Honorer hanya untuk program segmen non-ASN.',
    );
  });

  it('admits professions only when the program lists them, and only listed occupations', () => {
    expect(check({ occupationCode: 65 })[0]!.message).toBe(
      'Pekerjaan Guru adalah profesi; hanya bila program ini mencantumkannya.',
    );
    expect(codes({ occupationCode: 65 }, { rules: { occupations: [65, 9] } })).toEqual([]);
    expect(check({ occupationCode: 11 }, { rules: { occupations: [9, 20] } })[0]).toMatchObject({
      code: 'OCCUPATION',
      message: 'Pekerjaan Nelayan/Perikanan tidak termasuk pekerjaan program ini.',
    });
  });

  it('refuses a welfare decile above the limit, and an unknown one when there is a limit', () => {
    expect(codes({ welfareDecile: 4 }, { rules: { maxDecile: 4 } })).toEqual([]);
    expect(check({ welfareDecile: 5 }, { rules: { maxDecile: 4 } })[0]!.message).toBe(
      'Desil kesejahteraan 5; program ini hanya untuk desil 1–4.',
    );
    expect(check({ welfareDecile: null }, { rules: { maxDecile: 4 } })[0]).toMatchObject({
      code: 'DECILE_UNKNOWN',
      message: 'Desil kesejahteraan belum diisi; program ini hanya untuk desil 1–4.',
    });
    expect(codes({ welfareDecile: null })).toEqual([]);
  });

  it('refuses a village kind the program does not admit', () => {
    expect(check({ villageKind: 'kelurahan' })[0]!.message).toBe(
      'Pekerja tinggal di kelurahan; program ini hanya untuk desa.',
    );
    expect(
      codes({ villageKind: 'kelurahan' }, { villageKinds: ['desa', 'kelurahan', 'desa_adat'] }),
    ).toEqual([]);
  });

  it('warns about unconfirmed NIK warnings without refusing', () => {
    const issues = check({ openWarnings: 2 });
    expect(issues).toEqual([
      {
        code: 'NIK_WARNINGS',
        message: '2 peringatan NIK belum diperiksa; cocokkan dengan KTP sebelum dikirim ke BPJS.',
        severity: 'warning',
      },
    ]);
    expect(isEligible(issues)).toBe(true);
  });

  it('gives every reason at once', () => {
    expect(
      codes(
        { birthDate: '1950-01-01', occupationCode: 3, welfareDecile: 9, villageKind: 'kelurahan' },
        { rules: { maxDecile: 4 } },
      ),
    ).toEqual(['TOO_OLD', 'OCCUPATION_CLASS', 'DECILE', 'VILLAGE_KIND']);
  });

  it('computes whole years of age', () => {
    expect(ageOn('1985-07-01', '2027-06-30')).toBe(41);
    expect(ageOn('1985-07-01', '2027-07-01')).toBe(42);
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
  });
});

describe('suggestion priority', () => {
  const w = (
    fullName: string,
    welfareDecile: number | null,
    segment: string,
    birthDate: string,
  ) => ({
    fullName,
    welfareDecile,
    segment,
    birthDate,
  });

  it('orders by decile (unknown last), segment, then the older first', () => {
    const list = [
      w('Unknown Decile', null, 'pekerja_rentan', '1960-01-01'),
      w('Decile Three', 3, 'pekerja_rentan', '1960-01-01'),
      w('Kader One', 1, 'kader', '1950-01-01'),
      w('Young One', 1, 'pekerja_rentan', '2000-01-01'),
      w('Old One', 1, 'pekerja_rentan', '1970-01-01'),
    ];
    expect(list.sort(comparePriority).map((x) => x.fullName)).toEqual([
      'Old One',
      'Young One',
      'Kader One',
      'Decile Three',
      'Unknown Decile',
    ]);
    expect(priorityOf(list[0]!)).toEqual([1, 0, '1970-01-01', 'Old One']);
  });

  it('ranks every segment of the registry', () => {
    expect([...SEGMENT_PRIORITY].sort()).toEqual([...SEGMENTS].sort());
    expect(SEGMENT_PRIORITY[0]).toBe('pekerja_rentan');
  });
});
