import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import {
  ageOn,
  checkEligibility,
  comparePriority,
  enrollmentPeriod,
} from '../../rules/eligibility.ts';
import { findOccupation } from '../../rules/occupations.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { parseOrThrow } from '../../validation.ts';
import { loadProgram } from '../programs/load-program.ts';
import { resolveVillage } from './enrollment-access.ts';
import { eligibilityInput, eligibilityOf, overlapMessage } from './enrollment-messages.ts';
import { CandidatesQuery, type Candidate, type CandidateList } from './enrollment.schema.ts';
import {
  findAllocation,
  overlappingSeats,
  seatsInProgram,
  seatsTaken,
  villageWorkers,
  type Overlap,
} from './enrollment.repository.ts';

/**
 * The village's workers who do not hold a seat in the program yet, in priority order (poorest
 * decile first, then segment, then the older first): those who may be proposed, and a second
 * list of those who may not, each with the reasons.
 */
export async function suggestCandidates(
  ctx: Ctx,
  programId: string,
  raw: CandidatesQuery,
): Promise<CandidateList> {
  requirePermission(ctx.actor, 'enrollments.propose');
  const q = parseOrThrow(CandidatesQuery, raw, 'Permintaan tidak valid.');
  const today = jakartaDate(ctx.now());
  const program = await loadProgram(ctx, programId);
  const village = await resolveVillage(ctx, ctx.db, q.village);
  const seats = (await findAllocation(ctx.db, program.id, village.code))?.seats ?? 0;
  const period = enrollmentPeriod(program, today);
  const filled = await seatsTaken(ctx.db, program.id, village.code, period ?? program);
  const workers = await villageWorkers(ctx.db, village.code);
  const ids = workers.map((w) => w.id);
  const inProgram = await seatsInProgram(ctx.db, program.id, ids);
  const overlaps = period
    ? await overlappingSeats(ctx.db, ids, period.firstMonth, period.lastMonth)
    : new Map<string, Overlap>();
  const rules = eligibilityOf(program);
  const candidates: Candidate[] = workers
    .filter((w) => !inProgram.has(w.id))
    .sort(comparePriority)
    .map((w) => {
      const issues = checkEligibility(eligibilityInput(w), rules, today);
      const overlap = overlaps.get(w.id);
      return {
        workerId: w.id,
        fullName: w.fullName,
        nikMasked: maskNik(w.nik),
        sex: w.sex,
        birthDate: w.birthDate,
        age: ageOn(w.birthDate, period?.firstMonth ?? program.firstMonth),
        segment: w.segment,
        occupationCode: w.occupationCode,
        occupationName: findOccupation(w.occupationCode)?.name ?? String(w.occupationCode),
        welfareDecile: w.welfareDecile,
        reasons: [
          ...issues.filter((i) => i.severity === 'error').map((i) => i.message),
          ...(overlap ? [overlapMessage(overlap)] : []),
        ],
        warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message),
      };
    });
  const eligible = candidates.filter((c) => c.reasons.length === 0);
  const ineligible = candidates.filter((c) => c.reasons.length > 0);
  return {
    village: {
      code: village.code,
      name: village.name,
      seats,
      filled,
      remaining: Math.max(0, seats - filled),
    },
    firstMonth: period?.firstMonth ?? null,
    lastMonth: period?.lastMonth ?? null,
    eligible: eligible.slice(0, q.limit),
    eligibleTotal: eligible.length,
    ineligible: ineligible.slice(0, q.limit),
    ineligibleTotal: ineligible.length,
  };
}
