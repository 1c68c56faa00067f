import type { Ctx } from '../../context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { revokeSession } from './accounts.repository.ts';

export async function logout(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !actor.sessionId) return;
  const sessionId = actor.sessionId;
  await ctx.db.transaction(async (tx) => {
    if (await revokeSession(tx, sessionId, ctx.now())) {
      await recordAudit(tx, ctx, {
        action: 'auth.logout',
        entity: 'app_user',
        entityId: actor.id,
        regionCode: actor.scope[0] ?? null,
      });
    }
  });
}
