import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { actorName } from '../access/actor.ts';
import type { Db } from '../db/client.ts';

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
  await recordAudits(tx, ctx, [entry]);
}

const COLUMNS =
  'actor_id, actor_name, action, entity, entity_id, region_code, before, after, request_id';

/**
 * Writes many audit records in one statement (a batch of seats, a chunk of an import): the same
 * rows `recordAudit` would write one by one, in the caller's transaction.
 */
export async function recordAudits(
  tx: Db,
  ctx: Pick<Ctx, 'actor' | 'requestId'>,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const name = actorName(ctx.actor);
  const rows = entries.map((e) => ({
    actor_id: actorId,
    actor_name: name,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId ?? null,
    region_code: e.regionCode ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    request_id: ctx.requestId ?? null,
  }));
  await tx.execute(sql`
    INSERT INTO audit_log (${sql.raw(COLUMNS)})
    SELECT ${sql.raw(COLUMNS)}
    FROM json_populate_recordset(NULL::audit_log, ${JSON.stringify(rows)}::json)`);
}
