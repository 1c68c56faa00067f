import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { actorName } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { program } from '../../db/schema/programs.ts';
import { DomainError } from '../../errors.ts';
import { PLAN_LIMITS, monthSpan } from '../../rules/budget-plan.ts';
import { checkEligibility } from '../../rules/eligibility.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { parseOrThrow } from '../../validation.ts';
import {
  dateToMonth,
  lockProgram,
  monthToDate,
  type ProgramRow,
} from '../programs/load-program.ts';
import { RenewProgramInput, type RenewResult } from './continuity.schema.ts';
import {
  allocationSeats,
  copyAllocations,
  doubleFundingError,
  findRenewal,
  insertProposals,
  isDoubleFunding,
  seatedWorkerIds,
  workersWithKind,
  type WorkerWithKind,
} from './continuity.repository.ts';
import { eligibilityInput } from '../enrollment/enrollment-messages.ts';
import { overlappingSeats, type Overlap } from '../enrollment/enrollment.repository.ts';

const invalid = (path: string, message: string) =>
  new DomainError('VALIDATION', message, { issues: [{ path, message }] });

/** "… Bungo 2027" → "… Bungo 2028"; a name without its year gets the new one appended. */
function renewedName(old: ProgramRow, year: number): string {
  const from = String(old.fiscalYear);
  return old.name.includes(from) ? old.name.replaceAll(from, String(year)) : `${old.name} ${year}`;
}

type Left = RenewResult['left'][number];

/** Who of the old program's workers can be proposed again, and why the others cannot. */
function sortWorkers(
  ctx: Ctx,
  old: ProgramRow,
  workers: WorkerWithKind[],
  period: { firstMonth: string; lastMonth: string },
  seats: Map<string, number>,
  overlaps: Map<string, Overlap>,
): { keep: WorkerWithKind[]; left: Left[] } {
  const today = jakartaDate(ctx.now());
  const filled = new Map<string, number>();
  const keep: WorkerWithKind[] = [];
  const left: Left[] = [];
  const sorted = [...workers].sort(
    (a, b) => a.villageCode.localeCompare(b.villageCode) || a.nameKey.localeCompare(b.nameKey),
  );
  for (const w of sorted) {
    const leave = (reason: string) =>
      left.push({
        workerId: w.id,
        name: w.fullName,
        nik: maskNik(w.nik),
        villageCode: w.villageCode,
        reason,
      });
    if (w.villageCode !== old.ownerRegion && !w.villageCode.startsWith(`${old.ownerRegion}.`)) {
      leave('Kini berdomisili di luar wilayah program.');
      continue;
    }
    const errors = checkEligibility(
      eligibilityInput(w),
      { ...period, eligibility: old.eligibility, villageKinds: old.quota.villageKinds },
      today,
    ).filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      leave(errors.map((i) => i.message).join(' '));
      continue;
    }
    const other = overlaps.get(w.id);
    if (other) {
      leave(`Sudah dibiayai program "${other.programName}" pada bulan yang sama.`);
      continue;
    }
    const n = filled.get(w.villageCode) ?? 0;
    const cap = seats.get(w.villageCode);
    if (seats.size > 0 && (cap === undefined || n >= cap)) {
      leave('Kuota desanya di program lanjutan sudah penuh.');
      continue;
    }
    filled.set(w.villageCode, n + 1);
    keep.push(w);
  }
  return { keep, left };
}

/**
 * Drafts next period's program from this one (DOMAIN §8: annual budgets, protection lapses every
 * January unless the next period is ready): same owner, funder, package, income, eligibility and
 * seats, status draft, `previous_id` set; the workers who hold a seat now are proposed again for
 * review, when they are still alive, living in the region and eligible at the new start, and not
 * funded elsewhere in those months; the others are listed with the reason. Audited on the new
 * program.
 */
export async function renewProgram(
  ctx: Ctx,
  programId: string,
  raw: RenewProgramInput,
): Promise<RenewResult> {
  requirePermission(ctx.actor, 'programs.manage');
  const input = parseOrThrow(RenewProgramInput, raw, 'Data program lanjutan tidak valid.');
  const firstMonth = monthToDate(input.firstMonth);
  const lastMonth = monthToDate(input.lastMonth);
  if (monthSpan(input.firstMonth, input.lastMonth) > PLAN_LIMITS.maxMonths)
    throw invalid('lastMonth', `Program paling lama ${PLAN_LIMITS.maxMonths} bulan.`);
  return ctx.db.transaction(async (tx) => {
    const old = await lockProgram(ctx, tx, programId);
    if (!isWithinScope(ctx.actor, old.ownerRegion))
      throw new DomainError(
        'FORBIDDEN',
        'Program ini milik wilayah di atas Anda: hanya pemiliknya yang dapat memperpanjang.',
      );
    if (old.status === 'draft')
      throw new DomainError(
        'INVALID_TRANSITION',
        'Program draf belum berjalan: aktifkan dulu, baru dapat diperpanjang.',
        { status: old.status },
      );
    const renewal = await findRenewal(tx, old.id);
    if (renewal)
      throw new DomainError('CONFLICT', `Program ini sudah diperpanjang: "${renewal.name}".`, {
        renewalId: renewal.id,
      });
    if (firstMonth <= old.lastMonth)
      throw invalid(
        'firstMonth',
        `Program lanjutan harus mulai sesudah bulan terakhir program ini (${dateToMonth(old.lastMonth)}).`,
      );
    const year = Number(input.firstMonth.slice(0, 4));
    const [created] = await tx
      .insert(program)
      .values({
        name: input.name ?? renewedName(old, year),
        ownerRegion: old.ownerRegion,
        funderType: old.funderType,
        budgetReference: input.budgetReference ?? null,
        fiscalYear: year,
        firstMonth,
        lastMonth,
        package: old.package,
        declaredIncome: old.declaredIncome,
        eligibility: old.eligibility,
        quota: old.quota,
        districtStep: old.districtStep,
        status: 'draft',
        previousId: old.id,
        createdBy: actorName(ctx.actor),
        createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      })
      .returning();
    const next = created!;
    await copyAllocations(tx, old.id, next.id);
    const ids = await seatedWorkerIds(tx, old.id);
    const workers = await workersWithKind(tx, { ids });
    const { keep, left } = sortWorkers(
      ctx,
      old,
      workers,
      { firstMonth, lastMonth },
      await allocationSeats(tx, next.id),
      await overlappingSeats(tx, ids, firstMonth, lastMonth),
    );
    await insertProposals(tx, {
      programId: next.id,
      workers: keep,
      firstMonth,
      lastMonth,
      proposedBy: actorName(ctx.actor),
      proposedById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    }).catch((e: unknown) => {
      // a proposal for the same months committed meanwhile: nothing of the draft is kept
      throw isDoubleFunding(e) ? doubleFundingError() : e;
    });
    await recordAudit(tx, ctx, {
      action: 'programs.renew',
      entity: 'program',
      entityId: next.id,
      regionCode: next.ownerRegion,
      after: {
        previousId: old.id,
        name: next.name,
        firstMonth: input.firstMonth,
        lastMonth: input.lastMonth,
        proposedWorkerIds: keep.map((w) => w.id),
        left: left.map((l) => ({ workerId: l.workerId, reason: l.reason })),
      },
    });
    return {
      program: {
        id: next.id,
        name: next.name,
        status: next.status,
        firstMonth: input.firstMonth,
        lastMonth: input.lastMonth,
        previousId: old.id,
      },
      proposed: keep.length,
      left,
    };
  });
}
