import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { actorName } from '../../access/actor.ts';
import { enrollment } from '../../db/schema/programs.ts';
import { DomainError } from '../../errors.ts';
import { checkEligibility, enrollmentPeriod } from '../../rules/eligibility.ts';
import { parseOrThrow } from '../../validation.ts';
import { programVisible } from '../programs/load-program.ts';
import { ReplaceEnrollmentInput, type EnrollmentView } from './continuity.schema.ts';
import {
  doubleFundingError,
  findReplacement,
  isDoubleFunding,
  shareLockProgram,
  workersWithKind,
  type WorkerWithKind,
} from './continuity.repository.ts';
import { lockEnrollmentInScope, toEnrollmentView } from './end-enrollment.ts';
import { eligibilityInput } from '../enrollment/enrollment-messages.ts';
import { lockVillageSeats, overlappingSeats } from '../enrollment/enrollment.repository.ts';

const invalid = (message: string) =>
  new DomainError('VALIDATION', message, { issues: [{ path: 'nik', message }] });

/** The first day of the month after a `YYYY-MM-01` date. */
export function nextMonth(firstDay: string): string {
  const [y, m] = firstDay.split('-').map(Number);
  return new Date(Date.UTC(y!, m, 1)).toISOString().slice(0, 10);
}

/**
 * Proposes another worker of the same village for the months an ended enrollment left (mutasi):
 * a new `proposed` enrollment with `replaces_id`, from the month after the ended one's last month
 * (or the current month, when that is later) to the program's last month. It goes through the same approval chain as any proposal; the
 * eligibility rules, the village's quota and the database's no-double-funding constraint apply.
 */
export async function replaceEnrollment(
  ctx: Ctx,
  endedId: string,
  raw: ReplaceEnrollmentInput,
): Promise<EnrollmentView> {
  requirePermission(ctx.actor, 'enrollments.replace');
  const input = parseOrThrow(ReplaceEnrollmentInput, raw, 'NIK pengganti tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const ended = await lockEnrollmentInScope(ctx, tx, endedId);
    const program = await shareLockProgram(tx, ended.programId);
    if (!program || !programVisible(ctx, program.ownerRegion))
      throw new DomainError('NOT_FOUND', 'Kepesertaan tidak ditemukan.', { id: endedId });
    if (ended.status !== 'ended')
      throw new DomainError(
        'INVALID_TRANSITION',
        'Kursi ini belum dibebaskan: akhiri dulu kepesertaan pekerja sebelumnya.',
        { status: ended.status },
      );
    if (program.status === 'closed')
      throw new DomainError(
        'CONFLICT',
        'Program ini sudah ditutup: kursinya tidak dapat diisi lagi.',
      );
    const taken = await findReplacement(tx, ended.id);
    if (taken)
      throw new DomainError('CONFLICT', `Kursi ini sudah diisi pengganti: ${taken.name}.`, {
        replacementId: taken.id,
      });
    // the months after the freed one, from this month on: protection cannot start in the past
    const today = jakartaDate(ctx.now());
    const period = enrollmentPeriod(
      { firstMonth: nextMonth(ended.lastMonth), lastMonth: program.lastMonth },
      today,
    );
    if (!period || period.firstMonth > period.lastMonth)
      throw new DomainError('CONFLICT', 'Tidak ada bulan tersisa di program ini untuk pengganti.');
    const { firstMonth } = period;
    const [w]: (WorkerWithKind | undefined)[] = await workersWithKind(tx, { niks: [input.nik] });
    if (!w) throw invalid('NIK ini belum terdaftar di Jaring: daftarkan pekerjanya dulu.');
    if (w.id === ended.workerId) throw invalid('Pengganti harus pekerja lain.');
    if (w.villageCode !== ended.villageCode)
      throw invalid('Pengganti harus pekerja dari desa yang sama dengan kursi yang dibebaskan.');
    const issues = checkEligibility(
      eligibilityInput(w),
      { ...program, firstMonth, villageKinds: program.quota.villageKinds },
      today,
    ).filter((i) => i.severity === 'error');
    if (issues.length > 0) throw invalid(issues.map((i) => i.message).join(' '));
    const overlap = (await overlappingSeats(tx, [w.id], firstMonth, program.lastMonth)).get(w.id);
    if (overlap) throw doubleFundingError(overlap.programName);
    const { seats, filled } = await lockVillageSeats(tx, program.id, ended.villageCode, {
      firstMonth,
      lastMonth: program.lastMonth,
    });
    if (seats === null)
      throw new DomainError('CONFLICT', 'Desa ini tidak mendapat kursi dalam program ini.');
    if (filled >= seats)
      throw new DomainError(
        'QUOTA_EXCEEDED',
        `Kuota desa ini sudah penuh (${filled} dari ${seats} kursi terisi).`,
      );
    const [created] = await tx
      .insert(enrollment)
      .values({
        programId: program.id,
        workerId: w.id,
        villageCode: ended.villageCode,
        status: 'proposed',
        firstMonth,
        lastMonth: program.lastMonth,
        replacesId: ended.id,
        proposedBy: actorName(ctx.actor),
        proposedById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      })
      .returning()
      .catch((e: unknown) => {
        throw isDoubleFunding(e) ? doubleFundingError() : e;
      });
    await recordAudit(tx, ctx, {
      action: 'enrollments.replace',
      entity: 'enrollment',
      entityId: created!.id,
      regionCode: created!.villageCode,
      after: {
        replacesId: ended.id,
        workerId: w.id,
        status: 'proposed',
        firstMonth,
        lastMonth: program.lastMonth,
      },
    });
    return toEnrollmentView(tx, created!);
  });
}
