import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import { lockProgram, type ProgramRow } from './load-program.ts';
import type { ProgramStatus } from './program.schema.ts';

/**
 * A program's life: draft (everything may change, seats are set) → active (seats fixed, villages
 * propose workers) → closed (nothing more). Each step is audited by the use-case that takes it.
 */
export const PROGRAM_STEPS = {
  activate: { from: 'draft', to: 'active' },
  close: { from: 'active', to: 'closed' },
} as const satisfies Record<string, { from: ProgramStatus; to: ProgramStatus }>;
export type ProgramStep = keyof typeof PROGRAM_STEPS;

const STATUS_WORD: Record<ProgramStatus, string> = {
  draft: 'draf',
  active: 'aktif',
  closed: 'ditutup',
};

export function assertProgramStep(step: ProgramStep, current: ProgramStatus): void {
  if (PROGRAM_STEPS[step].from === current) return;
  const message =
    step === 'activate'
      ? `Hanya program berstatus draf yang dapat diaktifkan; program ini ${STATUS_WORD[current]}.`
      : `Hanya program aktif yang dapat ditutup; program ini ${STATUS_WORD[current]}.`;
  throw new DomainError('INVALID_TRANSITION', message, { status: current, step });
}

/** Changes of the program itself and of its seats: only while it is a draft. */
export function assertDraft(row: ProgramRow, what = 'Program'): void {
  if (row.status === 'draft') return;
  throw new DomainError(
    'INVALID_TRANSITION',
    `${what} hanya dapat diubah selama program masih draf; program ini ${STATUS_WORD[row.status]}.`,
    { status: row.status },
  );
}

/**
 * The program, locked for a change by someone who may manage it: the permission, then the program
 * (NOT_FOUND when it does not concern the actor), then its owner region inside the actor's scope
 * (a regency office sees its province's program but does not run it).
 */
export async function lockManagedProgram(ctx: Ctx, tx: Db, id: string): Promise<ProgramRow> {
  requirePermission(ctx.actor, 'programs.manage');
  const row = await lockProgram(ctx, tx, id);
  if (!isWithinScope(ctx.actor, row.ownerRegion)) {
    throw new DomainError(
      'FORBIDDEN',
      'Program ini dijalankan oleh wilayah di atas cakupan Anda: Anda dapat melihatnya, tetapi tidak mengubahnya.',
      { ownerRegion: row.ownerRegion },
    );
  }
  return row;
}
