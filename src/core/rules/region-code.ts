/**
 * Kemendagri region codes (DOMAIN §3): PP.KK.CC.VVVV. Regencies 01–69, cities 71–99. The first
 * digit of the village part: 1 kelurahan, 2 desa, 3 desa adat (Permendagri on region codes).
 */
export type RegionLevel = 'province' | 'regency' | 'district' | 'village';
export type VillageKind = 'desa' | 'kelurahan' | 'desa_adat';
export type RegencyKind = 'kabupaten' | 'kota';

const PATTERNS: [RegExp, RegionLevel][] = [
  [/^\d{2}$/, 'province'],
  [/^\d{2}\.\d{2}$/, 'regency'],
  [/^\d{2}\.\d{2}\.\d{2}$/, 'district'],
  [/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'village'],
];

/** The level of a well-formed code, or undefined when the code is malformed. */
export function regionLevelOf(code: string): RegionLevel | undefined {
  return PATTERNS.find(([re]) => re.test(code))?.[1];
}

export function isRegionCode(code: string): boolean {
  return regionLevelOf(code) !== undefined;
}

export function parentCodeOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** Ancestor codes, province first, excluding the code itself. */
export function ancestorCodesOf(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

const VILLAGE_KIND_BY_DIGIT: Record<string, VillageKind> = {
  '1': 'kelurahan',
  '2': 'desa',
  '3': 'desa_adat',
};

export function villageKindOf(code: string): VillageKind | undefined {
  if (regionLevelOf(code) !== 'village') return undefined;
  return VILLAGE_KIND_BY_DIGIT[code.charAt(9)];
}

export function regencyKindOf(code: string): RegencyKind | undefined {
  if (regionLevelOf(code) !== 'regency') return undefined;
  const n = Number(code.slice(3, 5));
  if (n >= 1 && n <= 69) return 'kabupaten';
  if (n >= 71 && n <= 99) return 'kota';
  return undefined;
}

/**
 * Accepts the forms people type: "1508", "15 08", "15.08.01.2001", "1508012001" and normalises to
 * the dotted form; undefined when it cannot be a code.
 */
export function normaliseRegionCode(input: string): string | undefined {
  const trimmed = input.trim();
  if (isRegionCode(trimmed)) return trimmed;
  const digits = trimmed.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const cuts = { 2: [2], 4: [2, 2], 6: [2, 2, 2], 10: [2, 2, 2, 4] }[digits.length];
  if (!cuts) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (const len of cuts) {
    parts.push(digits.slice(at, at + len));
    at += len;
  }
  return parts.join('.');
}
