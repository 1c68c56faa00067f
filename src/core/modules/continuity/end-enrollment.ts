import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { enrollment } from '../../db/schema/programs.ts';
import { DomainError } from '../../errors.ts';
import { refusal } from '../../rules/enrollment-status.ts';
import { parseOrThrow } from '../../validation.ts';
import { dateToMonth, loadProgram, monthToDate } from '../programs/load-program.ts';
import { END_REASON_LABEL, EndEnrollmentInput, type EnrollmentView } from './continuity.schema.ts';
import { lockEnrollment, workerNames, type EnrollmentRow } from './continuity.repository.ts';

export async function toEnrollmentView(db: Db, row: EnrollmentRow): Promise<EnrollmentView> {
  const names = await workerNames(db, [row.workerId]);
  return {
    id: row.id,
    programId: row.programId,
    workerId: row.workerId,
    workerName: names.get(row.workerId) ?? '',
    villageCode: row.villageCode,
    status: row.status,
    firstMonth: dateToMonth(row.firstMonth),
    lastMonth: dateToMonth(row.lastMonth),
    reason: row.reason,
    replacesId: row.replacesId,
    endedFrom: row.endedFrom,
  };
}

/** The enrollment locked for the transaction, or NOT_FOUND outside the actor's region. */
export async function lockEnrollmentInScope(ctx: Ctx, tx: Db, id: string): Promise<EnrollmentRow> {
  const row = await lockEnrollment(tx, id);
  if (!row || !isWithinScope(ctx.actor, row.villageCode))
    throw new DomainError('NOT_FOUND', 'Kepesertaan tidak ditemukan.', { id });
  return row;
}

const lastDayOf = (firstDay: string) => {
  const [y, m] = firstDay.split('-').map(Number);
  return new Date(Date.UTC(y!, m, 0)).toISOString().slice(0, 10);
};

/**
 * Frees a seat (mutasi: the worker died, moved away or turned out ineligible) from a date: the
 * enrollment ends, its last month becomes the month of that date (the month is still paid), so the
 * months after are free for a replacement without double funding. History is kept: the row stays,
 * with the reason and the date; audited with the before and after.
 */
export async function endEnrollment(
  ctx: Ctx,
  id: string,
  raw: EndEnrollmentInput,
): Promise<EnrollmentView> {
  requirePermission(ctx.actor, 'enrollments.end');
  const input = parseOrThrow(EndEnrollmentInput, raw, 'Data berakhirnya kepesertaan tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const current = await lockEnrollmentInScope(ctx, tx, id);
    const program = await loadProgram(ctx, current.programId, tx);
    const refused = refusal('end', current.status, program.districtStep);
    if (refused) throw new DomainError('INVALID_TRANSITION', refused, { status: current.status });
    const end = lastDayOf(current.lastMonth);
    if (input.from < current.firstMonth || input.from > end) {
      const message = `Tanggal berakhir harus di dalam masa kepesertaan (${current.firstMonth} s.d. ${end}).`;
      throw new DomainError('VALIDATION', message, { issues: [{ path: 'from', message }] });
    }
    const label = END_REASON_LABEL[input.reason];
    const reason = input.note ? `${label}: ${input.note}` : label;
    const [updated] = await tx
      .update(enrollment)
      .set({
        status: 'ended',
        endedFrom: input.from,
        lastMonth: monthToDate(dateToMonth(input.from)),
        reason,
        updatedAt: sql`now()`,
      })
      .where(eq(enrollment.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'enrollments.end',
      entity: 'enrollment',
      entityId: id,
      regionCode: current.villageCode,
      before: { status: current.status, lastMonth: current.lastMonth },
      after: {
        status: 'ended',
        reason: input.reason,
        note: input.note ?? null,
        endedFrom: input.from,
        lastMonth: updated!.lastMonth,
      },
    });
    return toEnrollmentView(tx, updated!);
  });
}
