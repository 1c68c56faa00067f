import type { Actor } from '../../access/actor.ts';
import { isWithinScope } from '../../access/scope.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import { regionLevelOf } from '../../rules/region-code.ts';
import type { ProgramRow } from '../programs/load-program.ts';
import { findVillage } from './enrollment.repository.ts';

/** Region prefixes the actor works in; null for the whole country (system, unscoped admin). */
export function actorScopes(actor: Actor): string[] | null {
  if (actor.kind === 'system' || actor.scope.length === 0) return null;
  return actor.scope;
}

/** The actor's own village, when the account works in exactly one village. */
export function ownVillage(actor: Actor): string | undefined {
  if (actor.kind !== 'user' || actor.scope.length !== 1) return undefined;
  const code = actor.scope[0]!;
  return regionLevelOf(code) === 'village' ? code : undefined;
}

/**
 * The village a proposal is for: the one given (an admin or a regency office acting for a
 * village), else the operator's own. It must be a village inside the actor's scope.
 */
export async function resolveVillage(ctx: Ctx, db: Db, given: string | undefined) {
  const code = given ?? ownVillage(ctx.actor);
  if (!code)
    throw new DomainError('VALIDATION', 'Pilih desa yang mengusulkan.', {
      issues: [{ path: 'village', message: 'Pilih desa yang mengusulkan.' }],
    });
  if (!isWithinScope(ctx.actor, code))
    throw new DomainError('FORBIDDEN', 'Wilayah ini di luar cakupan akun Anda.', {
      regionCode: code,
    });
  const village = await findVillage(db, code);
  if (!village || village.level !== 'village') {
    const message = `Kode ${code} bukan kode desa/kelurahan yang terdaftar.`;
    throw new DomainError('VALIDATION', message, { issues: [{ path: 'village', message }] });
  }
  return village;
}

/** Proposals only while the program runs: not while it is a draft, not once it is closed. */
export function assertOpen(program: ProgramRow): void {
  if (program.status === 'draft')
    throw new DomainError(
      'CONFLICT',
      'Program ini masih draf; usulan peserta dibuka setelah program diaktifkan.',
    );
  if (program.status === 'closed')
    throw new DomainError('CONFLICT', 'Program ini sudah ditutup; tidak menerima usulan lagi.');
}

/** The level of government a user acts for in the approval chain. */
export function levelOf(actor: Actor): 'village' | 'district' | 'regency' | 'other' {
  if (actor.kind === 'system') return 'regency';
  switch (actor.role) {
    case 'village_operator':
      return 'village';
    case 'district_officer':
      return 'district';
    case 'regency_admin':
    case 'province_admin':
    case 'admin':
      return 'regency';
    default:
      return 'other';
  }
}
