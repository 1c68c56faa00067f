import type { Ctx } from '../../context.ts';
import type { Actor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import type { SessionInfo } from './accounts.schema.ts';
import {
  listLiveSessions,
  revokeSessionOfUser,
  revokeUserSessions,
} from './accounts.repository.ts';

function ownUser(actor: Actor) {
  if (actor.kind !== 'user')
    throw new DomainError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  return actor;
}

/** The user's own open sessions (devices), the current one marked. */
export async function listOwnSessions(ctx: Ctx): Promise<SessionInfo[]> {
  const actor = ownUser(ctx.actor);
  const rows = await listLiveSessions(ctx.db, actor.id, ctx.now());
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === actor.sessionId,
  }));
}

export async function revokeOwnSession(ctx: Ctx, sessionId: string): Promise<void> {
  const actor = ownUser(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeSessionOfUser(tx, actor.id, sessionId, ctx.now()))) {
      throw new DomainError('NOT_FOUND', 'Sesi tidak ditemukan atau sudah berakhir.');
    }
    await recordAudit(tx, ctx, {
      action: 'auth.revokeSession',
      entity: 'user_session',
      entityId: actor.id,
      regionCode: actor.scope[0] ?? null,
    });
  });
}

export async function revokeOtherSessions(ctx: Ctx): Promise<number> {
  const actor = ownUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const n = await revokeUserSessions(tx, actor.id, ctx.now(), actor.sessionId);
    if (n > 0) {
      await recordAudit(tx, ctx, {
        action: 'auth.revokeSession',
        entity: 'user_session',
        entityId: actor.id,
        regionCode: actor.scope[0] ?? null,
        after: { revoked: n },
      });
    }
    return n;
  });
}
