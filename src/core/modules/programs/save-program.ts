import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { program } from '../../db/schema/programs.ts';
import { parseOrThrow } from '../../validation.ts';
import { deriveAllocations, pruneAllocations } from './allocations.repository.ts';
import { toDetail } from './get-program.ts';
import { dateToMonth, type ProgramRow } from './load-program.ts';
import { prepareProgram, type PreparedProgram } from './prepare-program.ts';
import {
  ProgramInput,
  ProgramPatch,
  type ProgramDetail,
  type ProgramValues,
} from './program.schema.ts';
import { assertDraft, lockManagedProgram } from './programs.workflow.ts';

const INVALID = 'Data program tidak valid.';

/** What the audit trail keeps of a program. */
export function programAuditView(row: ProgramRow) {
  return {
    name: row.name,
    ownerRegion: row.ownerRegion,
    funderType: row.funderType,
    budgetReference: row.budgetReference,
    fiscalYear: row.fiscalYear,
    firstMonth: dateToMonth(row.firstMonth),
    lastMonth: dateToMonth(row.lastMonth),
    package: row.package,
    declaredIncome: row.declaredIncome,
    eligibility: row.eligibility,
    quota: row.quota,
    districtStep: row.districtStep,
    status: row.status,
    previousId: row.previousId,
  };
}

/** The stored program as input again, to apply a patch to and check whole. */
export function toInput(row: ProgramRow): ProgramValues {
  const { rule, seats, budgetPerVillage, villageKinds } = row.quota;
  return {
    name: row.name,
    ownerRegion: row.ownerRegion,
    funderType: row.funderType as ProgramValues['funderType'],
    budgetReference: row.budgetReference,
    firstMonth: dateToMonth(row.firstMonth),
    lastMonth: dateToMonth(row.lastMonth),
    package: row.package as ProgramValues['package'],
    declaredIncome: row.declaredIncome,
    eligibility: row.eligibility as ProgramValues['eligibility'],
    quota: {
      rule,
      ...(seats !== undefined ? { seats } : {}),
      ...(budgetPerVillage !== undefined ? { budgetPerVillage } : {}),
      villageKinds: villageKinds as ProgramValues['quota']['villageKinds'],
    },
    districtStep: row.districtStep,
    previousId: row.previousId,
  };
}

/**
 * Seats of a draft follow its rule: the same number (or what the budget buys) for every village of
 * the chosen kinds, written now so that the draft shows them and fixed again at activation; an
 * explicit list keeps what was typed inside the owner region and kinds.
 */
export async function applyQuota(tx: Db, row: ProgramRow, prepared: PreparedProgram) {
  const kinds = row.quota.villageKinds;
  if (prepared.seatsPerVillage === null) await pruneAllocations(tx, row.id, row.ownerRegion, kinds);
  else await deriveAllocations(tx, row.id, row.ownerRegion, kinds, prepared.seatsPerVillage);
}

/** A new program, as a draft, owned by a province, regency or village of the actor's scope. */
export async function createProgram(ctx: Ctx, raw: ProgramInput): Promise<ProgramDetail> {
  requirePermission(ctx.actor, 'programs.manage');
  const input = parseOrThrow(ProgramInput, raw, INVALID);
  return ctx.db.transaction(async (tx) => {
    const prepared = await prepareProgram(ctx, tx, input);
    const [created] = await tx
      .insert(program)
      .values({
        ...prepared.values,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.username : ctx.actor.name,
        createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      })
      .returning();
    await applyQuota(tx, created!, prepared);
    await recordAudit(tx, ctx, {
      action: 'programs.create',
      entity: 'program',
      entityId: created!.id,
      regionCode: created!.ownerRegion,
      after: programAuditView(created!),
    });
    return toDetail(ctx, tx, created!);
  });
}

/** Changes a draft program; eligibility and quota are replaced whole. */
export async function updateProgram(
  ctx: Ctx,
  id: string,
  raw: ProgramPatch,
): Promise<ProgramDetail> {
  requirePermission(ctx.actor, 'programs.manage');
  const patch = parseOrThrow(ProgramPatch, raw, INVALID);
  return ctx.db.transaction(async (tx) => {
    const current = await lockManagedProgram(ctx, tx, id);
    assertDraft(current);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const input = parseOrThrow(ProgramInput, { ...toInput(current), ...defined }, INVALID);
    const prepared = await prepareProgram(ctx, tx, input, id);
    const [updated] = await tx
      .update(program)
      .set({ ...prepared.values, updatedAt: ctx.now() })
      .where(eq(program.id, id))
      .returning();
    await applyQuota(tx, updated!, prepared);
    await recordAudit(tx, ctx, {
      action: 'programs.update',
      entity: 'program',
      entityId: id,
      regionCode: updated!.ownerRegion,
      before: programAuditView(current),
      after: programAuditView(updated!),
    });
    return toDetail(ctx, tx, updated!);
  });
}
