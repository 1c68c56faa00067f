import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { workerImport } from '../../db/schema/imports.ts';
import { getImport } from './get-import.ts';
import { queueImport, runImport } from './import-job.ts';
import type { ImportCounts, ImportSummary } from './imports.schema.ts';

/**
 * Imports a worker file (Jaring's layout, OpenSID's resident register, or a minimal NIK + name
 * list) at once, in the caller's process: queued and run by the same code as a background job
 * (import-job.ts). Every data row ends up created, updated, unchanged, rejected (with its reason,
 * downloadable) or skipped (not a worker): the counts always add up to the rows of the file. A
 * preview computes the same outcomes and writes no worker. The same file twice creates nothing.
 */
export async function importWorkers(
  ctx: Ctx,
  file: { path: string; fileName: string },
  opts: {
    mode: 'preview' | 'commit';
    villageCode?: string | undefined;
    onChunk?: (linesDone: number, counts: ImportCounts) => void;
  },
): Promise<ImportSummary> {
  const queued = await queueImport(ctx, file, opts);
  const instance = `inline:${queued.id}`;
  const [job] = await ctx.db
    .update(workerImport)
    .set({ status: 'running', lockedBy: instance, startedAt: ctx.now() })
    .where(and(eq(workerImport.id, queued.id), eq(workerImport.status, 'queued')))
    .returning();
  // cancelled while its file was stored (or taken by a runner): nothing to run here
  if (!job) return getImport(ctx, queued.id);
  await runImport(ctx.db, ctx.log, job, instance, {
    now: ctx.now,
    ...(opts.onChunk ? { onChunk: opts.onChunk } : {}),
  });
  return getImport(ctx, queued.id);
}
