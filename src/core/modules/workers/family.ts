import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { DomainError } from '../../errors.ts';
import { parseOrThrow } from '../../validation.ts';
import { HeirInput, HeirPatch, type Heir, type WorkerFamily } from './family.schema.ts';
import {
  deleteHeirRow,
  findHeirRow,
  insertHeir,
  listChildRows,
  listHeirRows,
  updateHeirRow,
  type HeirRow,
} from './family.repository.ts';
import {
  audit,
  changed,
  childView,
  cleanName,
  familyNik,
  heirView,
  lockEditableWorker,
  nikChange,
} from './family-members.ts';
import { workerNotFound } from './get-worker.ts';
import { findWorkerById } from './workers.repository.ts';

const heirNotFound = (id: string) =>
  new DomainError('NOT_FOUND', 'Ahli waris tidak ditemukan.', { id });

/** The heirs and children of a worker in the actor's scope (NIKs masked). */
export async function listFamily(ctx: Ctx, workerId: string): Promise<WorkerFamily> {
  requirePermission(ctx.actor, 'workers.read');
  const w = await findWorkerById(ctx.db, workerId);
  if (!w || !isWithinScope(ctx.actor, w.villageCode)) throw workerNotFound(workerId);
  const [heirs, children] = await Promise.all([
    listHeirRows(ctx.db, w.id),
    listChildRows(ctx.db, w.id),
  ]);
  return { heirs: heirs.map(heirView), children: children.map(childView) };
}

export async function addHeir(ctx: Ctx, workerId: string, raw: HeirInput): Promise<Heir> {
  requirePermission(ctx.actor, 'workers.update');
  const input = parseOrThrow(HeirInput, raw, 'Data ahli waris tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const w = await lockEditableWorker(ctx, tx, workerId);
    const row = await insertHeir(tx, {
      workerId: w.id,
      name: cleanName(input.name),
      nik: input.nik ? await familyNik(ctx, tx, input.nik, w) : null,
      relationship: input.relationship,
      phone: input.phone ?? null,
    });
    const view = heirView(row);
    await audit(tx, ctx, w, 'workers.heir.add', 'heir', null, view);
    return view;
  });
}

/** Absent fields keep their value; null clears the NIK or the phone. */
export async function updateHeir(
  ctx: Ctx,
  workerId: string,
  heirId: string,
  raw: HeirPatch,
): Promise<Heir> {
  requirePermission(ctx.actor, 'workers.update');
  const patch = parseOrThrow(HeirPatch, raw, 'Data ahli waris tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const w = await lockEditableWorker(ctx, tx, workerId);
    const current = await findHeirRow(tx, w.id, heirId);
    if (!current) throw heirNotFound(heirId);
    const next: HeirRow = {
      ...current,
      ...(patch.name !== undefined ? { name: cleanName(patch.name) } : {}),
      ...(patch.relationship !== undefined ? { relationship: patch.relationship } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone ?? null } : {}),
      ...(await nikChange(ctx, tx, patch.nik, w)),
    };
    if (!changed(current, next)) return heirView(current);
    const { name, nik, relationship, phone } = next;
    const updated = await updateHeirRow(tx, current.id, { name, nik, relationship, phone });
    await audit(tx, ctx, w, 'workers.heir.update', 'heir', heirView(current), heirView(updated));
    return heirView(updated);
  });
}

export async function removeHeir(ctx: Ctx, workerId: string, heirId: string): Promise<void> {
  requirePermission(ctx.actor, 'workers.update');
  await ctx.db.transaction(async (tx) => {
    const w = await lockEditableWorker(ctx, tx, workerId);
    const current = await findHeirRow(tx, w.id, heirId);
    if (!current) throw heirNotFound(heirId);
    await deleteHeirRow(tx, current.id);
    await audit(tx, ctx, w, 'workers.heir.remove', 'heir', heirView(current), null);
  });
}
