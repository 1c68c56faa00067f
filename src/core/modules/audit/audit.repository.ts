import { and, desc, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { escapeLike, regionPrefixMatch } from '../../db/region-scope.ts';
import type { AuditEntry } from './audit.schema.ts';

export interface AuditWhere {
  /** Region prefixes the actor may see; null = everything (national). */
  scopes: string[] | null;
  actor?: string;
  action?: string;
  entity?: string;
  region?: string;
  /** Inclusive calendar days in Asia/Jakarta. */
  from?: string;
  to?: string;
}

function prefixMatch(codes: string[]): SQL {
  return regionPrefixMatch(auditLog.regionCode, codes);
}

export function auditWhere(w: AuditWhere): SQL | undefined {
  const conds: SQL[] = [];
  if (w.scopes !== null) conds.push(w.scopes.length ? prefixMatch(w.scopes) : sql`false`);
  if (w.actor)
    conds.push(sql`lower(${auditLog.actorName}) LIKE ${`%${escapeLike(w.actor.toLowerCase())}%`}`);
  if (w.action) conds.push(sql`${auditLog.action} LIKE ${`${escapeLike(w.action)}%`}`);
  if (w.entity) conds.push(sql`${auditLog.entity} = ${w.entity}`);
  if (w.region) conds.push(prefixMatch([w.region]));
  if (w.from)
    conds.push(sql`${auditLog.at} >= (${w.from}::date)::timestamp AT TIME ZONE 'Asia/Jakarta'`);
  if (w.to)
    conds.push(sql`${auditLog.at} < ((${w.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`);
  return conds.length ? and(...conds) : undefined;
}

type Row = typeof auditLog.$inferSelect;

function toEntry(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    at: r.at.toISOString(),
    actorName: r.actorName,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    regionCode: r.regionCode,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
  };
}

export async function listAuditEntries(
  db: Db,
  where: SQL | undefined,
  limit: number,
  offset: number,
) {
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(where);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return { rows: rows.map(toEntry), total: Number(count?.n ?? 0) };
}

/** One batch of the export, newest first, after the last id seen (keyset paging: stable and fast). */
export async function auditBatch(
  db: Db,
  where: SQL | undefined,
  beforeId: number | null,
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(where, beforeId === null ? undefined : lt(auditLog.id, beforeId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map(toEntry);
}
