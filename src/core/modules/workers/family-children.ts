import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { DomainError } from '../../errors.ts';
import { parseOrThrow } from '../../validation.ts';
import { ChildInput, ChildPatch, type Child } from './family.schema.ts';
import {
  deleteChildRow,
  findChildRow,
  insertChild,
  updateChildRow,
  type ChildRow,
} from './family.repository.ts';
import {
  audit,
  changed,
  childView,
  cleanName,
  familyNik,
  invalid,
  lockEditableWorker,
  nikChange,
} from './family-members.ts';

const childNotFound = (id: string) => new DomainError('NOT_FOUND', 'Anak tidak ditemukan.', { id });

function checkChildBirth(ctx: Ctx, birthDate: string | undefined) {
  if (birthDate && birthDate > jakartaDate(ctx.now()))
    throw invalid('birthDate', 'Tanggal lahir anak tidak boleh di masa depan.');
}

export async function addChild(ctx: Ctx, workerId: string, raw: ChildInput): Promise<Child> {
  requirePermission(ctx.actor, 'workers.update');
  const input = parseOrThrow(ChildInput, raw, 'Data anak tidak valid.');
  checkChildBirth(ctx, input.birthDate);
  return ctx.db.transaction(async (tx) => {
    const w = await lockEditableWorker(ctx, tx, workerId);
    const row = await insertChild(tx, {
      workerId: w.id,
      name: cleanName(input.name),
      nik: input.nik ? await familyNik(ctx, tx, input.nik, w) : null,
      birthDate: input.birthDate,
      schoolLevel: input.schoolLevel,
    });
    const view = childView(row);
    await audit(tx, ctx, w, 'workers.child.add', 'child', null, view);
    return view;
  });
}

/** Absent fields keep their value; null clears the NIK. */
export async function updateChild(
  ctx: Ctx,
  workerId: string,
  childId: string,
  raw: ChildPatch,
): Promise<Child> {
  requirePermission(ctx.actor, 'workers.update');
  const patch = parseOrThrow(ChildPatch, raw, 'Data anak tidak valid.');
  checkChildBirth(ctx, patch.birthDate);
  return ctx.db.transaction(async (tx) => {
    const w = await lockEditableWorker(ctx, tx, workerId);
    const current = await findChildRow(tx, w.id, childId);
    if (!current) throw childNotFound(childId);
    const next: ChildRow = {
      ...current,
      ...(patch.name !== undefined ? { name: cleanName(patch.name) } : {}),
      ...(patch.birthDate !== undefined ? { birthDate: patch.birthDate } : {}),
      ...(patch.schoolLevel !== undefined ? { schoolLevel: patch.schoolLevel } : {}),
      ...(await nikChange(ctx, tx, patch.nik, w)),
    };
    if (!changed(current, next)) return childView(current);
    const { name, nik, birthDate, schoolLevel } = next;
    const updated = await updateChildRow(tx, current.id, { name, nik, birthDate, schoolLevel });
    await audit(
      tx,
      ctx,
      w,
      'workers.child.update',
      'child',
      childView(current),
      childView(updated),
    );
    return childView(updated);
  });
}

export async function removeChild(ctx: Ctx, workerId: string, childId: string): Promise<void> {
  requirePermission(ctx.actor, 'workers.update');
  await ctx.db.transaction(async (tx) => {
    const w = await lockEditableWorker(ctx, tx, workerId);
    const current = await findChildRow(tx, w.id, childId);
    if (!current) throw childNotFound(childId);
    await deleteChildRow(tx, current.id);
    await audit(tx, ctx, w, 'workers.child.remove', 'child', childView(current), null);
  });
}
