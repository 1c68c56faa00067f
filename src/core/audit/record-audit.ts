import type { Ctx } from '../context.ts';
import { actorName } from '../access/actor.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/audit.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit record. Call it with the transaction that makes the change, so that the change
 * and its record commit or roll back together.
 */
export async function recordAudit(
  tx: Db,
  ctx: Pick<Ctx, 'actor' | 'requestId'>,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    actorName: actorName(ctx.actor),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId ?? null,
  });
}
