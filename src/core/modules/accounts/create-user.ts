import type { Ctx } from '../../context.ts';
import type { Role } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { normaliseRegionCode, regionLevelOf, type RegionLevel } from '../../rules/region-code.ts';
import { findRegion } from '../regions/index.ts';
import { CreateUserInput, type Me } from './accounts.schema.ts';
import { findUserByUsername, insertUser } from './accounts.repository.ts';
import { hashPassword } from './password.ts';
import { toMe } from './to-actor.ts';

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

export async function createUser(ctx: Ctx, raw: CreateUserInput): Promise<Me> {
  requirePermission(ctx.actor, 'users.create');
  const parsed = CreateUserInput.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError(
      'VALIDATION',
      parsed.error.issues[0]?.message ?? 'Data pengguna tidak valid.',
      {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    );
  }
  const input = parsed.data;
  const scope = await validateScope(ctx, input.role, input.scope);
  return ctx.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, input.username)) {
      throw new DomainError('CONFLICT', `Nama pengguna "${input.username}" sudah dipakai.`, {
        username: input.username,
      });
    }
    const user = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName ?? input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      scopeCodes: scope,
      language: input.language,
    });
    const me = toMe(user);
    await recordAudit(tx, ctx, {
      action: 'users.create',
      entity: 'app_user',
      entityId: user.id,
      regionCode: scope[0] ?? null,
      after: me,
    });
    return me;
  });
}

async function validateScope(
  ctx: Ctx,
  role: Role,
  raw: string | string[] | undefined,
): Promise<string[]> {
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((c) => c.trim()).filter(Boolean);
  if (list.length === 0) {
    if (role === 'admin') return [];
    throw new DomainError('VALIDATION', 'Wilayah kerja wajib diisi untuk peran ini.', {
      field: 'scope',
    });
  }
  if (list.length > 1 && role !== 'bpjs_officer') {
    throw new DomainError(
      'VALIDATION',
      'Hanya petugas BPJS yang dapat memiliki lebih dari satu wilayah kerja.',
      { field: 'scope' },
    );
  }
  const codes: string[] = [];
  for (const item of list) {
    const code = normaliseRegionCode(item);
    const level = code ? regionLevelOf(code) : undefined;
    if (!code || !level)
      throw new DomainError('VALIDATION', `Kode wilayah "${item}" tidak valid.`, {
        field: 'scope',
      });
    const wanted = SCOPE_LEVEL[role];
    if (wanted && level !== wanted) {
      throw new DomainError(
        'VALIDATION',
        `Wilayah kerja peran ini harus sebuah ${LEVEL_WORD[wanted]}; ${code} adalah ${LEVEL_WORD[level]}.`,
        { field: 'scope' },
      );
    }
    const region = await findRegion(ctx.db, code);
    if (!region || region.retired)
      throw new DomainError(
        'VALIDATION',
        `Wilayah ${code} tidak ada dalam daftar wilayah yang berlaku.`,
        { field: 'scope' },
      );
    codes.push(code);
  }
  return [...new Set(codes)];
}
