import type { Ctx } from '../../context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { UserSummary } from './accounts.schema.ts';
import { revokeUserSessions, updateUserRow } from './accounts.repository.ts';
import { auditView } from './create-user.ts';
import { lockManagedUser } from './manage-user.ts';
import { toSummaries } from './to-actor.ts';

/**
 * Deactivates (ending every session) or reactivates a user (clearing a login lock). Users are
 * never deleted: the audit trail and later records keep referring to them.
 */
export async function setUserActive(ctx: Ctx, id: string, active: boolean): Promise<UserSummary> {
  return ctx.db.transaction(async (tx) => {
    const user = await lockManagedUser(ctx, tx, id, 'users.update');
    const [before] = await toSummaries(tx, [user]);
    const updated = await updateUserRow(
      tx,
      id,
      active ? { active, failedLoginCount: 0, lockedUntil: null } : { active },
    );
    if (!active) await revokeUserSessions(tx, id, ctx.now());
    const [after] = await toSummaries(tx, [updated]);
    await recordAudit(tx, ctx, {
      action: active ? 'users.activate' : 'users.deactivate',
      entity: 'app_user',
      entityId: id,
      regionCode: user.scopeCodes[0] ?? null,
      before: auditView(before!),
      after: auditView(after!),
    });
    return after!;
  });
}
