import { desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { workerImport } from '../../db/schema/imports.ts';
import { importVisible, toSummary } from './get-import.ts';
import type { ImportSummary } from './imports.schema.ts';
import { previewFileKeptUntil } from './preview-file.ts';

/**
 * The latest imports the actor may see (own first: a village operator finds a running or
 * interrupted job again after leaving the page), without their rows. A finished preview says
 * whether it can still be saved from its kept file.
 */
export async function listImports(ctx: Ctx, limit = 20): Promise<ImportSummary[]> {
  requirePermission(ctx.actor, 'workers.read');
  const actor = ctx.actor;
  const query = ctx.db
    .select({
      ...getTableColumns(workerImport),
      // the first piece by the primary key: one index probe per import
      hasFile: sql<boolean>`EXISTS (SELECT 1 FROM worker_import_file f
        WHERE f.import_id = ${workerImport.id} AND f.seq = 0)`,
    })
    .from(workerImport);
  // a user's own imports are found by the index on the author; wider scopes read the latest ones
  const rows = await (
    actor.kind === 'user' && actor.role === 'village_operator'
      ? query.where(eq(workerImport.createdById, actor.id))
      : query
  )
    .orderBy(desc(workerImport.createdAt))
    .limit(limit * 5);
  const now = ctx.now();
  return rows
    .filter((r) => importVisible(ctx, r))
    .slice(0, limit)
    .map(({ hasFile, ...r }) => toSummary(r, [], previewFileKeptUntil(r, hasFile, now)));
}
