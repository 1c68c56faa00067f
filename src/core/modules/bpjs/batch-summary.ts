import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import { displayNames } from '../accounts/accounts.repository.ts';
import { loadProgram } from '../programs/load-program.ts';
import { batchStatuses, findBatch, regionNames, type BatchRecord } from './bpjs.repository.ts';
import type { BatchSummary } from './bpjs.schema.ts';

export async function toBatchSummaries(db: Db, batches: BatchRecord[]): Promise<BatchSummary[]> {
  const statuses = await batchStatuses(
    db,
    batches.map((b) => b.id),
  );
  const names = await regionNames(db, [...new Set(batches.map((b) => b.regionCode))]);
  const people = await displayNames(
    db,
    batches.map((b) => b.createdById),
  );
  return batches.map((b) => ({
    id: b.id,
    programId: b.programId,
    regionCode: b.regionCode,
    regionName: names.get(b.regionCode) ?? null,
    layoutVersion: b.layoutVersion,
    rows: b.rows,
    createdBy: (b.createdById && people.get(b.createdById)) || b.createdBy,
    createdAt: b.createdAt.toISOString(),
    statuses: statuses.get(b.id) ?? {},
  }));
}

export async function toBatchSummary(db: Db, batch: BatchRecord): Promise<BatchSummary> {
  return (await toBatchSummaries(db, [batch]))[0]!;
}

/** The batch, or NOT_FOUND when it is not in the actor's region (its rows carry full NIKs). */
export async function loadBatch(
  ctx: Ctx,
  id: string,
): Promise<{ batch: BatchRecord; programName: string; funderType: string }> {
  requirePermission(ctx.actor, 'bpjs.read');
  const batch = await findBatch(ctx.db, id);
  if (!batch || !isWithinScope(ctx.actor, batch.regionCode))
    throw new DomainError('NOT_FOUND', 'Kiriman BPJS tidak ditemukan.', { id });
  const program = await loadProgram(ctx, batch.programId);
  return { batch, programName: program.name, funderType: program.funderType };
}
