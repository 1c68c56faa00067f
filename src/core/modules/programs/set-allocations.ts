import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import { parseOrThrow } from '../../validation.ts';
import { AllocationsInput, type AllocationTotals } from './allocation.schema.ts';
import { checkSeatEntries, type SeatEntry } from './allocation-villages.ts';
import { allocationTotals, putAllocations } from './allocations.repository.ts';
import type { ProgramRow } from './load-program.ts';
import { findRegionFacts } from './programs.repository.ts';
import { assertDraft, lockManagedProgram } from './programs.workflow.ts';

/**
 * The program, locked, for a change of its explicit seats: managed by the actor, a draft, and
 * with the explicit rule (other rules derive their seats).
 */
export async function lockExplicitProgram(ctx: Ctx, tx: Db, id: string) {
  const row = await lockManagedProgram(ctx, tx, id);
  assertDraft(row, 'Kursi per desa');
  if (row.quota.rule !== 'explicit') {
    throw new DomainError(
      'CONFLICT',
      'Program ini memakai kuota yang sama untuk setiap desa (atau dari anggaran per desa): kursinya dihitung otomatis. Ubah aturan kuota menjadi "diisi per desa" untuk mengisi kursi sendiri.',
      { rule: row.quota.rule },
    );
  }
  const [owner] = await findRegionFacts(tx, [row.ownerRegion]);
  return { row, ownerName: owner?.name ?? row.ownerRegion };
}

/** Writes checked seats and their audit record; the program's totals afterwards. */
export async function writeSeats(
  ctx: Ctx,
  tx: Db,
  row: ProgramRow,
  ok: readonly SeatEntry[],
  action: 'programs.setAllocations' | 'programs.importAllocations',
  facts: Record<string, unknown> = {},
): Promise<AllocationTotals> {
  const before = await allocationTotals(tx, row.id, null);
  await putAllocations(tx, row.id, ok);
  const after = await allocationTotals(tx, row.id, null);
  await recordAudit(tx, ctx, {
    action,
    entity: 'program',
    entityId: row.id,
    regionCode: row.ownerRegion,
    before: { seats: before.seats, villages: before.villages },
    after: {
      ...facts,
      seats: after.seats,
      villages: after.villages,
      set: Object.fromEntries(ok.map((e) => [e.villageCode, e.seats])),
    },
  });
  return { seats: after.seats, villages: after.villages };
}

/**
 * Seats of the villages named, typed for a draft program with the explicit rule (0 removes a
 * village's seats; villages not named stay as they are). All or nothing: a bad entry refuses the
 * whole list, each bad entry with its reason.
 */
export async function setAllocations(
  ctx: Ctx,
  id: string,
  raw: AllocationsInput,
): Promise<AllocationTotals> {
  requirePermission(ctx.actor, 'programs.manage');
  const input = parseOrThrow(AllocationsInput, raw, 'Daftar kursi tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const { row, ownerName } = await lockExplicitProgram(ctx, tx, id);
    const entries = input.map((e, at) => ({ at, ...e }));
    const { ok, refused } = await checkSeatEntries(
      tx,
      row,
      entries,
      ownerName,
      (at) => `baris ${at + 1}`,
    );
    if (refused.length > 0) {
      const issues = refused.map((r) => ({ path: `${r.at}.villageCode`, message: r.reason }));
      throw new DomainError('VALIDATION', issues[0]!.message, { issues });
    }
    return writeSeats(ctx, tx, row, ok, 'programs.setAllocations');
  });
}
