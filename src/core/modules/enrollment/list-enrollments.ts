import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { DomainError } from '../../errors.ts';
import { FILLS_SEAT, statusLabel } from '../../rules/enrollment-status.ts';
import { normaliseNik } from '../../rules/nik.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { parseOrThrow } from '../../validation.ts';
import { loadProgram, type ProgramRow } from '../programs/load-program.ts';
import { nameKeyOf } from '../workers/workers.repository.ts';
import { actorScopes, levelOf } from './enrollment-access.ts';
import { canTake } from './enrollment-steps.ts';
import {
  ListEnrollmentsQuery,
  type EnrollmentList,
  type ProgramSummary,
} from './enrollment.schema.ts';
import {
  countByStatus,
  listEnrollmentRows,
  seatsIn,
  type EnrollmentFilter,
} from './enrollment.repository.ts';

export function toProgramSummary(p: ProgramRow): ProgramSummary {
  return {
    id: p.id,
    name: p.name,
    ownerRegion: p.ownerRegion,
    status: p.status,
    firstMonth: p.firstMonth,
    lastMonth: p.lastMonth,
    districtStep: p.districtStep,
  };
}

/**
 * The list's filter: the actor's scope, status, village or region, and a full NIK or a part of
 * the name (the list and its exports use the same).
 */
export function enrollmentFilter(
  ctx: Ctx,
  program: ProgramRow,
  q: Pick<ListEnrollmentsQuery, 'status' | 'village' | 'region' | 'q'>,
): EnrollmentFilter {
  const text = q.q?.trim();
  const nik = text && /^\d{16}$/.test(normaliseNik(text)) ? normaliseNik(text) : undefined;
  if (text && !nik && text.length < 2)
    throw new DomainError('VALIDATION', 'Ketik minimal 2 huruf nama, atau NIK lengkap.');
  return {
    programId: program.id,
    scopes: actorScopes(ctx.actor),
    ...(q.status ? { status: q.status } : {}),
    ...(q.village ? { village: q.village } : {}),
    ...(q.region ? { region: q.region } : {}),
    ...(nik ? { nik } : text ? { nameLike: nameKeyOf(text) } : {}),
  };
}

/**
 * The enrollments of a program in the actor's scope (a village operator sees the own village, a
 * district officer the district…), with worker name, masked NIK, village, status and reason, the
 * counts per status and the seats of the same places, and the steps this actor may take.
 */
export async function listEnrollments(
  ctx: Ctx,
  programId: string,
  raw: ListEnrollmentsQuery,
): Promise<EnrollmentList> {
  requirePermission(ctx.actor, 'enrollments.read');
  const q = parseOrThrow(ListEnrollmentsQuery, raw, 'Saringan tidak valid.');
  const program = await loadProgram(ctx, programId);
  const filter = enrollmentFilter(ctx, program, q);
  const { rows, total } = await listEnrollmentRows(ctx.db, filter, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const counts = await countByStatus(ctx.db, filter);
  const seats = await seatsIn(ctx.db, filter);
  // nothing moves in a closed program: no buttons
  const step = (s: Parameters<typeof canTake>[1], e: (typeof rows)[number]['e']) =>
    program.status === 'active' && canTake(ctx.actor, s, e, program.districtStep);
  return {
    program: toProgramSummary(program),
    items: rows.map(({ e, ...r }) => ({
      id: e.id,
      workerId: e.workerId,
      fullName: r.fullName,
      nikMasked: maskNik(r.nik),
      villageCode: e.villageCode,
      villageName: r.villageName,
      districtName: r.districtName ?? '',
      status: e.status,
      statusLabel: statusLabel(e.status),
      reason: e.reason,
      firstMonth: e.firstMonth,
      lastMonth: e.lastMonth,
      nikWarnings: r.openWarnings,
      replacedBy: r.replacedBy,
      proposedBy: r.proposedByName,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
      canVerify: step('verify', e),
      canApprove: step('approve', e),
      canReturn: step('return', e),
      // an admin may withdraw for a village through the API; the button is the village's
      canWithdraw: levelOf(ctx.actor) === 'village' && step('withdraw', e),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts,
    seats,
    filled: [...FILLS_SEAT].reduce((n, s) => n + (counts[s] ?? 0), 0),
  };
}
