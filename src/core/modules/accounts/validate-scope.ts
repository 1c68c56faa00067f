import type { Ctx } from '../../context.ts';
import type { Role } from '../../access/actor.ts';
import { coversScope } from '../../access/role-rank.ts';
import { DomainError } from '../../errors.ts';
import { normaliseRegionCode, regionLevelOf, type RegionLevel } from '../../rules/region-code.ts';
import { findRegion } from '../regions/index.ts';

/** The level a role's scope must be at; undefined = any level. */
const SCOPE_LEVEL: Record<Role, RegionLevel | undefined> = {
  admin: undefined,
  province_admin: 'province',
  regency_admin: 'regency',
  district_officer: 'district',
  village_operator: 'village',
  bpjs_officer: 'regency',
  auditor: undefined,
};

const LEVEL_WORD: Record<RegionLevel, string> = {
  province: 'provinsi',
  regency: 'kabupaten/kota',
  district: 'kecamatan',
  village: 'desa/kelurahan',
};

function invalid(message: string): DomainError {
  return new DomainError('VALIDATION', message, { issues: [{ path: 'scope', message }] });
}

/**
 * Normalises and checks a user's work area for a role: the right level, existing codes, and never
 * wider than the scope of the actor who grants it.
 */
export async function validateScope(
  ctx: Ctx,
  role: Role,
  raw: string | string[] | undefined,
): Promise<string[]> {
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((c) => c.trim()).filter(Boolean);
  if (list.length === 0) {
    if (role !== 'admin') throw invalid('Wilayah kerja wajib diisi untuk peran ini.');
    if (!coversScope(ctx.actor, [])) {
      throw new DomainError(
        'FORBIDDEN',
        'Anda tidak dapat memberi wilayah kerja seluruh Indonesia.',
        { field: 'scope' },
      );
    }
    return [];
  }
  if (list.length > 1 && role !== 'bpjs_officer')
    throw invalid('Hanya petugas BPJS yang dapat memiliki lebih dari satu wilayah kerja.');
  const codes: string[] = [];
  for (const item of list) {
    const code = normaliseRegionCode(item);
    const level = code ? regionLevelOf(code) : undefined;
    if (!code || !level) throw invalid(`Kode wilayah "${item}" tidak valid.`);
    const wanted = SCOPE_LEVEL[role];
    if (wanted && level !== wanted) {
      throw invalid(
        `Wilayah kerja peran ini harus sebuah ${LEVEL_WORD[wanted]}; ${code} adalah ${LEVEL_WORD[level]}.`,
      );
    }
    if (!coversScope(ctx.actor, [code])) {
      throw new DomainError(
        'FORBIDDEN',
        'Wilayah kerja yang diberikan di luar cakupan akun Anda.',
        { field: 'scope' },
      );
    }
    const region = await findRegion(ctx.db, code);
    if (!region || region.retired)
      throw invalid(`Wilayah ${code} tidak ada dalam daftar wilayah yang berlaku.`);
    codes.push(code);
  }
  const unique = [...new Set(codes)];
  if (!coversScope(ctx.actor, unique)) {
    throw new DomainError('FORBIDDEN', 'Wilayah kerja yang diberikan di luar cakupan akun Anda.', {
      field: 'scope',
    });
  }
  return unique;
}
