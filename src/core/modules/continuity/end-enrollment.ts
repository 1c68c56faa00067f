import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { enrollment } from '../../db/schema/programs.ts';
import { DomainError } from '../../errors.ts';
import { longDate } from '../../rules/indonesian.ts';
import { refusal } from '../../rules/enrollment-status.ts';
import { parseOrThrow } from '../../validation.ts';
import { dateToMonth, loadProgram, monthToDate } from '../programs/load-program.ts';
import {
  END_REASON_LABEL,
  EndEnrollmentInput,
  type EndReason,
  type EnrollmentView,
} from './continuity.schema.ts';
import {
  lockEnrollment,
  workerLife,
  workerNames,
  type EnrollmentRow,
} from './continuity.repository.ts';

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

const invalidFrom = (message: string) =>
  new DomainError('VALIDATION', message, { issues: [{ path: 'from', message }] });

/**
 * The day the seat is freed from: for a death, the date of death recorded on the worker (their
 * life status is the one record of it: a seat freed later would pay months after the death);
 * for a move, the recorded moving date when none is given; otherwise the date given.
 */
function freedFrom(
  input: { reason: EndReason; from?: string | undefined },
  w: { deathDate: string | null; movedDate: string | null } | undefined,
): string {
  if (input.reason === 'dead' && w?.deathDate) {
    if (input.from && input.from !== w.deathDate)
      throw invalidFrom(
        `Data pekerja mencatat tanggal meninggal ${longDate(w.deathDate)}: kursi dibebaskan mulai tanggal itu (perbaiki data pekerja bila tanggalnya salah).`,
      );
    return w.deathDate;
  }
  const from = input.from ?? (input.reason === 'moved' ? w?.movedDate : null);
  if (!from) throw invalidFrom('Tanggal berakhir wajib diisi (TTTT-BB-HH).');
  return from;
}

/** Why this seat cannot be ended from that day; null when it can. */
function endRefusal(current: EnrollmentRow, from: string): DomainError | null {
  const end = lastDayOf(current.lastMonth);
  if (from < current.firstMonth || from > end)
    return invalidFrom(
      `Tanggal berakhir harus di dalam masa kepesertaan (${longDate(current.firstMonth)} s.d. ${longDate(end)}).`,
    );
  if (current.effectiveDate && from < current.effectiveDate)
    return invalidFrom(
      `Tanggal berakhir tidak boleh sebelum tanggal efektif kepesertaan di BPJS (${longDate(current.effectiveDate)}).`,
    );
  return null;
}

/**
 * Frees a seat (mutasi: the worker died, moved away or turned out ineligible) from a date: the
 * enrollment ends, its last month becomes the month of that date (the month is still paid), so the
 * months after are free for a replacement without double funding. Only a seat sent to BPJS or
 * active is ended: an approved one was never registered, and is sent back (returned) instead,
 * which frees all its months. History is kept: the row stays, with the reason and the date;
 * audited with the before and after.
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
    if (current.status === 'approved')
      throw new DomainError(
        'INVALID_TRANSITION',
        'Peserta ini belum dikirim ke BPJS, jadi belum terlindungi: kembalikan usulannya dengan alasan agar kursinya bebas untuk seluruh periode.',
        { status: current.status },
      );
    const refused = refusal('end', current.status, program.districtStep);
    if (refused) throw new DomainError('INVALID_TRANSITION', refused, { status: current.status });
    const from = freedFrom(input, await workerLife(tx, current.workerId));
    const wrong = endRefusal(current, from);
    if (wrong) throw wrong;
    const label = END_REASON_LABEL[input.reason];
    const reason = input.note ? `${label}: ${input.note}` : label;
    const [updated] = await tx
      .update(enrollment)
      .set({
        status: 'ended',
        endedFrom: from,
        lastMonth: monthToDate(dateToMonth(from)),
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
        endedFrom: from,
        lastMonth: updated!.lastMonth,
      },
    });
    return toEnrollmentView(tx, updated!);
  });
}
