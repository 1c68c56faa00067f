import type { Ctx } from '../../context.ts';
import type { Actor } from '../../access/actor.ts';
import { can, requirePermission, type Permission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import { noteRowsWritten } from '../../db/fresh-statistics.ts';
import { DomainError } from '../../errors.ts';
import { refusal, transition, type EnrollmentStatus } from '../../rules/enrollment-status.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { parseOrThrow } from '../../validation.ts';
import { programVisible } from '../programs/load-program.ts';
import { levelOf } from './enrollment-access.ts';
import {
  EnrollmentStepInput,
  type EnrollmentStepResponse,
  type StepResult,
} from './enrollment.schema.ts';
import { lockEnrollments, setEnrollmentStatus } from './enrollment.repository.ts';

type Locked = Awaited<ReturnType<typeof lockEnrollments>>[number];

/** The steps of the approval chain this module takes (BPJS steps belong to the exchange). */
export type ChainStep = 'verify' | 'approve' | 'return' | 'withdraw';

const PERMISSION: Record<ChainStep, Permission> = {
  verify: 'enrollments.verify',
  approve: 'enrollments.approve',
  return: 'enrollments.return',
  withdraw: 'enrollments.withdraw',
};

const NOT_FOUND = 'Peserta tidak ditemukan.';
const CLOSED = 'Program ini sudah ditutup; usulan tidak dapat diproses lagi.';

/**
 * Why this actor cannot take the step on an enrollment in this status, beyond the transition
 * table: a district sends back only what has not reached the regency yet, and verifies only in
 * programs with a district step.
 */
function levelRefusal(
  actor: Actor,
  step: ChainStep,
  status: EnrollmentStatus,
  districtStep: boolean,
): string | null {
  if (step === 'verify' && !districtStep)
    return 'Program ini tanpa verifikasi kecamatan: usulan langsung disetujui kabupaten.';
  if (step === 'return' && levelOf(actor) === 'district' && status === 'approved')
    return 'Peserta yang sudah disetujui kabupaten hanya dapat dikembalikan oleh kabupaten.';
  return null;
}

/** Whether the actor could take the step now (the list's buttons). */
export function canTake(
  actor: Actor,
  step: ChainStep,
  e: { status: EnrollmentStatus; villageCode: string },
  districtStep: boolean,
): boolean {
  return (
    can(actor, PERMISSION[step]) &&
    isWithinScope(actor, e.villageCode) &&
    refusal(step, e.status, districtStep) === null &&
    levelRefusal(actor, step, e.status, districtStep) === null
  );
}

/**
 * One step of the approval chain on one or many enrollments: verify (district), approve
 * (regency; from verified, or from proposed when the program has no district step), return with
 * a reason (district or regency), withdraw (village, before approval). Each id gets its result;
 * every change is audited in the same transaction.
 */
export async function takeEnrollmentStep(
  ctx: Ctx,
  step: ChainStep,
  raw: EnrollmentStepInput,
): Promise<EnrollmentStepResponse> {
  requirePermission(ctx.actor, PERMISSION[step]);
  const input = parseOrThrow(EnrollmentStepInput, raw, 'Permintaan tidak valid.');
  const { to, needsReason } = transition(step, true);
  if (needsReason && !input.reason)
    throw new DomainError('VALIDATION', 'Alasan pengembalian wajib diisi.', {
      issues: [{ path: 'reason', message: 'Alasan pengembalian wajib diisi.' }],
    });
  const ids = [...new Set(input.ids)];
  const response = await ctx.db.transaction(async (tx) => {
    const rows = new Map((await lockEnrollments(tx, ids)).map((r) => [r.e.id, r]));
    const results: StepResult[] = [];
    const taken: Locked[] = [];
    for (const id of ids) {
      const row = rows.get(id);
      if (
        !row ||
        !isWithinScope(ctx.actor, row.e.villageCode) ||
        !programVisible(ctx, row.ownerRegion)
      ) {
        results.push({ id, result: 'refused', status: null, fullName: null, message: NOT_FOUND });
        continue;
      }
      const { e, districtStep } = row;
      const why =
        (row.programStatus === 'closed' ? CLOSED : null) ??
        refusal(step, e.status, districtStep) ??
        levelRefusal(ctx.actor, step, e.status, districtStep);
      if (why) {
        results.push({
          id,
          result: 'refused',
          status: e.status,
          fullName: row.fullName,
          message: why,
        });
        continue;
      }
      taken.push(row);
      results.push({ id, result: 'done', status: to, fullName: row.fullName, message: null });
    }
    // the changes in one statement, their audit records in another
    const reason = step === 'return' ? input.reason! : null;
    await setEnrollmentStatus(
      tx,
      taken.map((r) => r.e.id),
      to,
      reason,
    );
    await recordAudits(
      tx,
      ctx,
      taken.map(({ e, nik }) => ({
        action: `enrollments.${step}`,
        entity: 'enrollment',
        entityId: e.id,
        regionCode: e.villageCode,
        before: { status: e.status, reason: e.reason },
        after: { programId: e.programId, nik: maskNik(nik), status: to, reason },
      })),
    );
    const done = taken.length;
    return { results, done, refused: results.length - done };
  });
  await noteRowsWritten(ctx.db, 'enrollment', response.done);
  return response;
}

export const verifyEnrollments = (ctx: Ctx, input: EnrollmentStepInput) =>
  takeEnrollmentStep(ctx, 'verify', input);
export const approveEnrollments = (ctx: Ctx, input: EnrollmentStepInput) =>
  takeEnrollmentStep(ctx, 'approve', input);
export const returnEnrollments = (ctx: Ctx, input: EnrollmentStepInput) =>
  takeEnrollmentStep(ctx, 'return', input);
export const withdrawEnrollments = (ctx: Ctx, input: EnrollmentStepInput) =>
  takeEnrollmentStep(ctx, 'withdraw', input);
