import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordSensitiveView } from '../../audit/record-sensitive-view.ts';
import { DomainError } from '../../errors.ts';
import type { WorkerDetail } from './workers.schema.ts';
import { findVillageLineage, findWorkerById } from './workers.repository.ts';
import { toDetail } from './to-worker-view.ts';

export function workerNotFound(id: string): DomainError {
  return new DomainError('NOT_FOUND', 'Pekerja tidak ditemukan.', { id });
}

/** One worker, identifiers masked; out of scope answers NOT_FOUND. */
export async function getWorker(ctx: Ctx, id: string): Promise<WorkerDetail> {
  requirePermission(ctx.actor, 'workers.read');
  const w = await findWorkerById(ctx.db, id);
  if (!w || !isWithinScope(ctx.actor, w.villageCode)) throw workerNotFound(id);
  const lineage = await findVillageLineage(ctx.db, w.villageCode);
  return toDetail(w, lineage!, ctx.actor);
}

/** The full NIK, KK and KPJ, for roles that need them; each view is recorded in the audit trail. */
export async function getWorkerIdentity(
  ctx: Ctx,
  id: string,
): Promise<{ nik: string; kk: string | null; kpj: string | null }> {
  requirePermission(ctx.actor, 'workers.read');
  return ctx.db.transaction(async (tx) => {
    const w = await findWorkerById(tx, id);
    if (!w || !isWithinScope(ctx.actor, w.villageCode)) throw workerNotFound(id);
    await recordSensitiveView(tx, ctx, {
      entity: 'worker',
      entityId: w.id,
      regionCode: w.villageCode,
      fields: ['nik', 'kk', 'kpj'],
    });
    return { nik: w.nik, kk: w.kk, kpj: w.kpj };
  });
}
