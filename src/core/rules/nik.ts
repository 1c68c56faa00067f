/**
 * NIK, the 16-digit national ID number (DOMAIN §4; Permendagri on population administration):
 * PP KK CC DDMMYY SSSS — the district where it was issued, the date of birth (women add 40 to the
 * day) and a serial 0001–9999. Errors reject a row; warnings are kept on the worker for review.
 */
export type NikSex = 'L' | 'P';

export interface DecodedNik {
  nik: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string;
  sex: NikSex;
  serial: string;
}

export type NikErrorCode =
  'NIK_FORMAT' | 'NIK_REGION_UNKNOWN' | 'NIK_DATE_INVALID' | 'NIK_SERIAL_ZERO';
export type NikWarningCode = 'NIK_BIRTHDATE_MISMATCH' | 'NIK_SEX_MISMATCH' | 'NIK_REGION_DIFFERS';

export interface NikIssue<C extends string> {
  code: C;
  message: string;
}

export interface NikCheck {
  decoded: DecodedNik | undefined;
  errors: NikIssue<NikErrorCode>[];
  warnings: NikIssue<NikWarningCode>[];
}

/** Removes spaces, dots and dashes people type or spreadsheets add; keeps anything else to be refused. */
export function normaliseNik(input: string): string {
  return input.trim().replace(/[\s.-]/g, '');
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Decodes the parts of a 16-digit NIK; undefined when the birth date cannot be a date. The
 * two-digit year is the latest year not after `today` (a NIK holder is born in the past).
 */
export function decodeNik(nik: string, today: string): DecodedNik | undefined {
  if (!/^\d{16}$/.test(nik)) return undefined;
  const dd = Number(nik.slice(6, 8));
  const mm = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  const thisYear = Number(today.slice(0, 4));
  let year = 2000 + yy;
  if (year > thisYear) year -= 100;
  if (day < 1 || day > 31 || mm < 1 || mm > 12 || !isRealDate(year, mm, day)) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    nik,
    provinceCode: nik.slice(0, 2),
    regencyCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}`,
    districtCode: nikDistrictCode(nik)!,
    birthDate: `${year}-${pad(mm)}-${pad(day)}`,
    sex: female ? 'P' : 'L',
    serial: nik.slice(12),
  };
}

export interface NikContext {
  today: string;
  /** Whether a district code exists in the register, retired codes included (people keep old NIKs after a split). */
  districtExists: (districtCode: string) => boolean;
  stated?: {
    birthDate?: string | undefined;
    sex?: NikSex | undefined;
    villageCode?: string | undefined;
  };
}

const SEX_WORD: Record<NikSex, string> = { L: 'laki-laki', P: 'perempuan' };

export function checkNik(input: string, ctx: NikContext): NikCheck {
  const nik = normaliseNik(input);
  const errors: NikIssue<NikErrorCode>[] = [];
  const warnings: NikIssue<NikWarningCode>[] = [];
  if (!/^\d{16}$/.test(nik)) {
    const got =
      nik.length === 0
        ? 'kosong'
        : /^\d+$/.test(nik)
          ? `${nik.length} digit`
          : 'memuat selain angka';
    errors.push({ code: 'NIK_FORMAT', message: `NIK harus 16 digit angka (yang diisi: ${got}).` });
    return { decoded: undefined, errors, warnings };
  }
  const districtCode = nikDistrictCode(nik)!;
  if (!ctx.districtExists(districtCode)) {
    errors.push({
      code: 'NIK_REGION_UNKNOWN',
      message: `Kode wilayah NIK ${districtCode} tidak dikenal (6 digit pertama harus kode kecamatan).`,
    });
  }
  const decoded = decodeNik(nik, ctx.today);
  if (!decoded) {
    errors.push({
      code: 'NIK_DATE_INVALID',
      message: `Tanggal lahir dalam NIK (${nik.slice(6, 8)}-${nik.slice(8, 10)}-${nik.slice(10, 12)}) bukan tanggal yang mungkin.`,
    });
  }
  if (nik.slice(12) === '0000')
    errors.push({
      code: 'NIK_SERIAL_ZERO',
      message: 'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.',
    });
  if (decoded && errors.length === 0) {
    const s = ctx.stated ?? {};
    if (s.birthDate && s.birthDate !== decoded.birthDate) {
      warnings.push({
        code: 'NIK_BIRTHDATE_MISMATCH',
        message: `Tanggal lahir ${s.birthDate} berbeda dengan yang tersirat dalam NIK (${decoded.birthDate}).`,
      });
    }
    if (s.sex && s.sex !== decoded.sex) {
      warnings.push({
        code: 'NIK_SEX_MISMATCH',
        message: `Jenis kelamin ${SEX_WORD[s.sex]} berbeda dengan yang tersirat dalam NIK (${SEX_WORD[decoded.sex]}).`,
      });
    }
    if (s.villageCode && !s.villageCode.startsWith(`${decoded.districtCode}.`)) {
      warnings.push({
        code: 'NIK_REGION_DIFFERS',
        message: `NIK diterbitkan di kecamatan ${decoded.districtCode}, berbeda dengan desa domisili ${s.villageCode} (mungkin pindah).`,
      });
    }
  }
  return { decoded, errors, warnings };
}

/** The district that issued a NIK ("15.08.01" for 150801…), from its first six digits. */
export function nikDistrictCode(nik: string): string | undefined {
  return /^\d{6}/.test(nik)
    ? `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`
    : undefined;
}
