import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { parseOrThrow } from '../../validation.ts';
import { toSummary } from './get-program.ts';
import { ListProgramsQuery, type ProgramList } from './program.schema.ts';
import { listProgramRows, scopesOf } from './programs.repository.ts';

/**
 * Programs that concern the actor (owner region in the scope, or above it), newest year first,
 * with the seats and filled seats inside the actor's scope.
 */
export async function listPrograms(ctx: Ctx, raw: ListProgramsQuery = {}): Promise<ProgramList> {
  requirePermission(ctx.actor, 'programs.read');
  const q = parseOrThrow(ListProgramsQuery, raw, 'Saringan program tidak valid.');
  const { rows, total } = await listProgramRows(
    ctx.db,
    { scopes: scopesOf(ctx.actor), status: q.status, year: q.year, region: q.region },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  );
  return {
    items: rows.map((r) => toSummary(r, r)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
