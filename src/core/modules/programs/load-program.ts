import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { isWithinScope } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import { program } from '../../db/schema/programs.ts';
import { DomainError } from '../../errors.ts';
import { isUuid } from '../../db/uuid.ts';

export type ProgramRow = typeof program.$inferSelect;

/**
 * Whether the actor has anything to do with a program: the program's owner region lies in the
 * actor's scope (a regency admin and a regency program), or the actor works inside the owner
 * region (a village operator of a regency's program, a BPJS officer of one of its regencies).
 */
export function programVisible(ctx: Pick<Ctx, 'actor'>, ownerRegion: string): boolean {
  const actor = ctx.actor;
  if (isWithinScope(actor, ownerRegion)) return true;
  if (actor.kind === 'system') return true;
  return actor.scope.some((s) => s.startsWith(`${ownerRegion}.`));
}

/** The program, or NOT_FOUND when it does not exist or does not concern the actor. */
export async function loadProgram(ctx: Ctx, id: string, db: Db = ctx.db): Promise<ProgramRow> {
  const row = isUuid(id)
    ? (await db.select().from(program).where(eq(program.id, id)))[0]
    : undefined;
  if (!row || !programVisible(ctx, row.ownerRegion))
    throw new DomainError('NOT_FOUND', 'Program tidak ditemukan.', { id });
  return row;
}

/**
 * As loadProgram, locked for the caller's transaction: 'update' for a change of the program (its
 * status, its seats), 'share' for work that needs its status to hold until commit (proposals and
 * steps of the approval chain, which closing the program must not cross).
 */
export async function lockProgram(
  ctx: Ctx,
  tx: Db,
  id: string,
  mode: 'update' | 'share' = 'update',
): Promise<ProgramRow> {
  const row = isUuid(id)
    ? (await tx.select().from(program).where(eq(program.id, id)).for(mode))[0]
    : undefined;
  if (!row || !programVisible(ctx, row.ownerRegion))
    throw new DomainError('NOT_FOUND', 'Program tidak ditemukan.', { id });
  return row;
}

/** "2027-01" ↔ the first day of that month, as the program and enrollment tables store it. */
export const monthToDate = (month: string) => `${month}-01`;
export const dateToMonth = (date: string) => date.slice(0, 7);
