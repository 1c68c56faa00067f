import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { parseOrThrow } from '../../validation.ts';
import { WorkerInput, WorkerPatch, type WorkerDetail } from './workers.schema.ts';
import {
  findVillageLineage,
  findWorkerByNik,
  insertWorker,
  updateWorkerRow,
  type WorkerRow,
} from './workers.repository.ts';
import { prepareWorker } from './prepare-worker.ts';
import { applyPatch, compareWorker, toInput } from './worker-patch.ts';
import { auditView, toDetail } from './to-worker-view.ts';
import { lockEditableWorker } from './family-members.ts';
import type { Db } from '../../db/client.ts';

async function detailOf(ctx: Ctx, db: Db, row: WorkerRow): Promise<WorkerDetail> {
  const lineage = await findVillageLineage(db, row.villageCode);
  return toDetail(row, lineage!, ctx.actor);
}

function nikTaken(existing: WorkerRow, ctx: Ctx): DomainError {
  const visible = isWithinScope(ctx.actor, existing.villageCode);
  const message = visible
    ? `NIK ini sudah terdaftar atas nama ${existing.fullName}.`
    : 'NIK ini sudah terdaftar di desa lain. Bila orang ini kini tinggal di desa Anda, ajukan permintaan pindah (Pekerja → Minta pindah pekerja).';
  return new DomainError('CONFLICT', message, {
    issues: [{ path: 'nik', message, code: 'NIK_DUPLICATE' }],
    ...(visible ? { existingId: existing.id } : {}),
  });
}

/** Registers a worker in a village of the actor's scope. Warnings are kept for review. */
export async function createWorker(ctx: Ctx, raw: WorkerInput): Promise<WorkerDetail> {
  requirePermission(ctx.actor, 'workers.create');
  const input = parseOrThrow(WorkerInput, raw, 'Data pekerja tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const { row, warnings } = await prepareWorker(ctx, tx, input);
    const existing = await findWorkerByNik(tx, row.nik);
    if (existing) throw nikTaken(existing, ctx);
    const created = await insertWorker(tx, { ...row, warnings, openWarnings: warnings.length });
    await recordAudit(tx, ctx, {
      action: 'workers.create',
      entity: 'worker',
      entityId: created.id,
      regionCode: created.villageCode,
      after: auditView(created),
    });
    return detailOf(ctx, tx, created);
  });
}

/**
 * Changes a worker. A village operator edits only in the own village and cannot move a worker
 * elsewhere: moving is for a regency admin (DOMAIN: the receiving village may ask).
 */
export async function updateWorker(ctx: Ctx, id: string, raw: WorkerPatch): Promise<WorkerDetail> {
  return (await patchWorker(ctx, id, raw)).detail;
}

/** As updateWorker; a patch that changes nothing writes nothing (`changed: false`), as an import needs. */
export async function patchWorker(
  ctx: Ctx,
  id: string,
  raw: WorkerPatch,
): Promise<{ detail: WorkerDetail; changed: boolean }> {
  requirePermission(ctx.actor, 'workers.update');
  const patch = parseOrThrow(WorkerPatch, raw, 'Data pekerja tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const current = await lockEditableWorker(ctx, tx, id);
    const merged = parseOrThrow(
      WorkerInput,
      applyPatch(toInput(current), patch),
      'Data pekerja tidak valid.',
    );
    const { row, kept, changed } = compareWorker(current, await prepareWorker(ctx, tx, merged));
    if (!changed) return { detail: await detailOf(ctx, tx, current), changed };
    if (row.villageCode !== current.villageCode) requirePermission(ctx.actor, 'workers.move');
    if (row.nik !== current.nik) {
      const existing = await findWorkerByNik(tx, row.nik);
      if (existing) throw nikTaken(existing, ctx);
    }
    const updated = await updateWorkerRow(tx, id, {
      ...row,
      warnings: kept,
      openWarnings: kept.filter((w) => !w.confirmed).length,
    });
    await recordAudit(tx, ctx, {
      action: row.villageCode !== current.villageCode ? 'workers.move' : 'workers.update',
      entity: 'worker',
      entityId: id,
      regionCode: updated.villageCode,
      before: auditView(current),
      after: auditView(updated),
    });
    return { detail: await detailOf(ctx, tx, updated), changed };
  });
}

/** An operator checked the KTP: the NIK warnings stay on record, marked as confirmed. */
export async function confirmWorkerWarnings(ctx: Ctx, id: string): Promise<WorkerDetail> {
  requirePermission(ctx.actor, 'workers.update');
  return ctx.db.transaction(async (tx) => {
    const current = await lockEditableWorker(ctx, tx, id);
    const warnings = current.warnings.map((w) => ({ ...w, confirmed: true }));
    const updated = await updateWorkerRow(tx, id, { warnings, openWarnings: 0 });
    await recordAudit(tx, ctx, {
      action: 'workers.confirmWarnings',
      entity: 'worker',
      entityId: id,
      regionCode: current.villageCode,
      before: { warnings: current.warnings },
      after: { warnings },
    });
    return detailOf(ctx, tx, updated);
  });
}
