import type { Ctx } from '../../context.ts';
import { requirePermission, type Permission } from '../../access/require-permission.ts';
import { canManage, userVisibleScopes } from '../../access/role-rank.ts';
import { DomainError } from '../../errors.ts';
import { lockUser, type UserRow } from './accounts.repository.ts';
import type { Db } from '../../db/client.ts';

export function userNotFound(id: string): DomainError {
  return new DomainError('NOT_FOUND', 'Pengguna tidak ditemukan.', { id });
}

/**
 * Loads and locks a user the actor may manage. A user outside the actor's scope answers NOT_FOUND
 * (existence must not leak); one inside the scope but of a higher role answers FORBIDDEN.
 */
export async function lockManagedUser(
  ctx: Ctx,
  tx: Db,
  id: string,
  permission: Permission,
): Promise<UserRow> {
  requirePermission(ctx.actor, permission);
  const user = await lockUser(tx, id);
  if (!user || !isVisible(ctx, user)) throw userNotFound(id);
  if (!canManage(ctx.actor, { role: user.role, scope: user.scopeCodes })) {
    throw new DomainError(
      'FORBIDDEN',
      'Anda tidak dapat mengubah pengguna dengan peran atau wilayah kerja di atas Anda.',
      { id },
    );
  }
  if (ctx.actor.kind === 'user' && ctx.actor.id === user.id) {
    throw new DomainError('FORBIDDEN', 'Ubah akun Anda sendiri lewat halaman Profil.', { id });
  }
  return user;
}

export function isVisible(ctx: Ctx, user: UserRow): boolean {
  const scopes = userVisibleScopes(ctx.actor);
  if (scopes === null) return true;
  return user.scopeCodes.some((c) => scopes.some((s) => c === s || c.startsWith(`${s}.`)));
}
