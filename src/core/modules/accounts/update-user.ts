import type { Ctx } from '../../context.ts';
import { grantableRoles } from '../../access/role-rank.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { parseOrThrow } from '../../validation.ts';
import { UpdateUserInput, type UserSummary } from './accounts.schema.ts';
import { revokeUserSessions, updateUserRow } from './accounts.repository.ts';
import { auditView } from './create-user.ts';
import { lockManagedUser } from './manage-user.ts';
import { toSummaries } from './to-actor.ts';
import { validateScope } from './validate-scope.ts';

/**
 * Changes name, role, work area or language. A new role or scope is checked like a new user's,
 * and ends the user's sessions so that the wider or narrower rights apply at once.
 */
export async function updateUser(ctx: Ctx, id: string, raw: UpdateUserInput): Promise<UserSummary> {
  const input = parseOrThrow(UpdateUserInput, raw, 'Data pengguna tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const user = await lockManagedUser(ctx, tx, id, 'users.update');
    const role = input.role ?? user.role;
    if (input.role && !grantableRoles(ctx.actor).includes(input.role)) {
      throw new DomainError(
        'FORBIDDEN',
        'Anda tidak dapat memberi peran yang lebih tinggi dari peran Anda.',
        { field: 'role' },
      );
    }
    const scope =
      input.scope !== undefined || input.role
        ? await validateScope({ ...ctx, db: tx }, role, input.scope ?? user.scopeCodes)
        : user.scopeCodes;
    const [before] = await toSummaries(tx, [user]);
    const updated = await updateUserRow(tx, id, {
      ...(input.displayName ? { displayName: input.displayName } : {}),
      ...(input.language ? { language: input.language } : {}),
      role,
      scopeCodes: scope,
    });
    const rightsChanged = role !== user.role || scope.join() !== user.scopeCodes.join();
    if (rightsChanged) await revokeUserSessions(tx, id, ctx.now());
    const [after] = await toSummaries(tx, [updated]);
    await recordAudit(tx, ctx, {
      action: 'users.update',
      entity: 'app_user',
      entityId: id,
      regionCode: scope[0] ?? null,
      before: auditView(before!),
      after: auditView(after!),
    });
    return after!;
  });
}
