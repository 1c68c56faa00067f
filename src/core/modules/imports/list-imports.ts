import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { workerImport } from '../../db/schema/imports.ts';
import { importVisible, toSummary } from './get-import.ts';
import type { ImportSummary } from './imports.schema.ts';

/**
 * The latest imports the actor may see (own first: a village operator finds a running or
 * interrupted job again after leaving the page), without their rows.
 */
export async function listImports(ctx: Ctx, limit = 20): Promise<ImportSummary[]> {
  requirePermission(ctx.actor, 'workers.read');
  const actor = ctx.actor;
  const query = ctx.db.select().from(workerImport);
  // a user's own imports are found by the index on the author; wider scopes read the latest ones
  const rows = await (
    actor.kind === 'user' && actor.role === 'village_operator'
      ? query.where(eq(workerImport.createdById, actor.id))
      : query
  )
    .orderBy(desc(workerImport.createdAt))
    .limit(limit * 5);
  return rows
    .filter((r) => importVisible(ctx, r))
    .slice(0, limit)
    .map((r) => toSummary(r, []));
}
