import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { noteRowsWritten } from '../../db/fresh-statistics.ts';
import { DomainError } from '../../errors.ts';
import { checkEligibility, enrollmentPeriod } from '../../rules/eligibility.ts';
import { statusLabel, type EnrollmentStatus } from '../../rules/enrollment-status.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { parseOrThrow } from '../../validation.ts';
import { lockProgram, type ProgramRow } from '../programs/load-program.ts';
import { assertOpen, resolveVillage } from './enrollment-access.ts';
import { eligibilityInput, eligibilityOf, overlapMessage } from './enrollment-messages.ts';
import {
  ProposeEnrollmentsInput,
  type ProposalResult,
  type ProposeEnrollmentsResponse,
} from './enrollment.schema.ts';
import {
  lockVillageSeats,
  overlappingSeats,
  seatsInProgram,
  type Overlap,
  type WorkerWithVillage,
} from './enrollment.repository.ts';
import { enrollSeats } from './enroll-seats.ts';
import { identifyWorkers, type ProposedItem } from './identify-workers.ts';

const DOUBLE_FUNDED = 'Pekerja ini sudah dibiayai program lain pada bulan yang sama.';

interface Known {
  village: { code: string; name: string };
  program: ProgramRow;
  today: string;
  inProgram: Map<string, EnrollmentStatus>;
  overlaps: Map<string, Overlap>;
}

/** Why a line of a proposal cannot take a seat (before the quota), and what to check first. */
function assess(item: ProposedItem, k: Known): { reasons: string[]; warnings: string[] } {
  const w = item.worker;
  const no = (reason: string) => ({ reasons: [reason], warnings: [] });
  if (item.error || !w) return no(item.error ?? 'Pekerja tidak ditemukan.');
  if (w.villageCode !== k.village.code)
    return no(`Pekerja ini tidak terdaftar di desa ${k.village.name}.`);
  const current = k.inProgram.get(w.id);
  if (current) return no(`Sudah menjadi peserta program ini (${statusLabel(current)}).`);
  const issues = checkEligibility(eligibilityInput(w), eligibilityOf(k.program), k.today);
  const reasons = issues.filter((i) => i.severity === 'error').map((i) => i.message);
  const warnings = issues.filter((i) => i.severity === 'warning').map((i) => i.message);
  const overlap = k.overlaps.get(w.id);
  if (reasons.length === 0 && overlap) reasons.push(overlapMessage(overlap));
  return { reasons, warnings };
}

/**
 * A village proposes workers for its seats in a program: a result per NIK (or worker id), the
 * valid ones kept beside the refused ones. The village's allocation row is locked for the whole
 * call, so that the quota holds when two operators propose at once; the database's exclusion
 * constraint has the last word on double funding (a proposal by another program meanwhile).
 */
export async function proposeEnrollments(
  ctx: Ctx,
  programId: string,
  raw: ProposeEnrollmentsInput,
): Promise<ProposeEnrollmentsResponse> {
  requirePermission(ctx.actor, 'enrollments.propose');
  const input = parseOrThrow(ProposeEnrollmentsInput, raw, 'Usulan peserta tidak valid.');
  const today = jakartaDate(ctx.now());
  const response = await ctx.db.transaction(async (tx) => {
    const program = await lockProgram(ctx, tx, programId, 'share');
    assertOpen(program);
    const village = await resolveVillage(ctx, tx, input.village);
    const period = enrollmentPeriod(program, today);
    if (!period)
      throw new DomainError('CONFLICT', 'Periode program sudah berakhir; usulan tidak diterima.');
    const taken = await lockVillageSeats(tx, program.id, village.code, period);
    if (taken.seats === null)
      throw new DomainError(
        'CONFLICT',
        `Desa ${village.name} tidak mendapat kursi dalam program ini.`,
      );
    const allocation = { seats: taken.seats };
    const items = await identifyWorkers(tx, input);
    const ids = items.flatMap((i) => (i.worker ? [i.worker.id] : []));
    const known: Known = {
      village,
      program,
      today,
      inProgram: await seatsInProgram(tx, program.id, ids),
      overlaps: await overlappingSeats(tx, ids, period.firstMonth, period.lastMonth),
    };
    let filled = taken.filled;
    const lines = items.map((item) => ({ item, ...assess(item, known) }));

    // Seats for the lines that may take one, in the order given, as many as the village has
    // free: one INSERT (and one audit INSERT) per round. A worker another program funded
    // meanwhile is skipped by the database; the next lines take the seats left (rarely a
    // second round).
    const seatOf = new Map<string, string>();
    const skipped: WorkerWithVillage[] = [];
    const waiting = lines.filter((l) => l.reasons.length === 0).map((l) => l.item.worker!);
    let next = 0;
    while (next < waiting.length && filled < allocation.seats) {
      const round = waiting.slice(next, next + allocation.seats - filled);
      next += round.length;
      const seats = await enrollSeats(ctx, tx, program, round, period);
      for (const w of round) {
        const id = seats.get(w.id);
        if (id) seatOf.set(w.id, id);
        else skipped.push(w);
      }
      filled += seats.size;
    }
    const overlaps = await overlappingSeats(
      tx,
      skipped.map((w) => w.id),
      period.firstMonth,
      period.lastMonth,
    );
    const tried = new Set(waiting.slice(0, next).map((w) => w.id));

    const results: ProposalResult[] = lines.map(({ item, reasons, warnings }) => {
      const w = item.worker;
      const ours = w?.villageCode === village.code;
      const base = {
        nik: item.nik,
        nikMasked: w
          ? maskNik(w.nik)
          : item.nik && /^\d{16}$/.test(item.nik)
            ? maskNik(item.nik)
            : null,
        workerId: ours ? w.id : null,
        fullName: ours ? w.fullName : null,
      };
      const id = reasons.length === 0 ? seatOf.get(w!.id) : undefined;
      if (id)
        return {
          ...base,
          status: 'enrolled',
          enrollmentId: id,
          ...(warnings.length > 0 ? { warnings } : {}),
        };
      if (reasons.length > 0) return { ...base, status: 'refused', reasons };
      if (tried.has(w!.id)) {
        const overlap = overlaps.get(w!.id);
        return {
          ...base,
          status: 'refused',
          reasons: [overlap ? overlapMessage(overlap) : DOUBLE_FUNDED],
        };
      }
      return {
        ...base,
        status: 'refused',
        reasons: [
          `Kuota desa ${village.name} sudah penuh (${filled} dari ${allocation.seats} kursi).`,
        ],
      };
    });
    const enrolled = results.filter((r) => r.status === 'enrolled').length;
    return {
      results,
      enrolled,
      refused: results.length - enrolled,
      seats: allocation.seats,
      filled,
    };
  });
  await noteRowsWritten(ctx.db, 'enrollment', response.enrolled);
  return response;
}
