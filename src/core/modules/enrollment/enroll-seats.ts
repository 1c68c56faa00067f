import type { Ctx } from '../../context.ts';
import { actorName } from '../../access/actor.ts';
import { recordAudits } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { maskNik } from '../../rules/personal-data.ts';
import type { ProgramRow } from '../programs/load-program.ts';
import { monthRange } from './enrollment-messages.ts';
import { insertSeatsOrSkip, type WorkerWithVillage } from './enrollment.repository.ts';

export interface Period {
  firstMonth: string;
  lastMonth: string;
}

/**
 * Inserts proposed seats for these workers in one statement, with one audit record per seat in
 * a second. A worker whose months another program took meanwhile (the database's
 * no-double-funding constraint) is skipped, not an error: the caller reports it and the others
 * keep their seats. Returns the new enrollment id of each worker that got a seat.
 */
export async function enrollSeats(
  ctx: Ctx,
  tx: Db,
  program: ProgramRow,
  workers: readonly WorkerWithVillage[],
  period: Period,
): Promise<Map<string, string>> {
  if (workers.length === 0) return new Map();
  const rows = await insertSeatsOrSkip(
    tx,
    workers.map((w) => ({
      programId: program.id,
      workerId: w.id,
      villageCode: w.villageCode,
      status: 'proposed' as const,
      firstMonth: period.firstMonth,
      lastMonth: period.lastMonth,
      proposedBy: actorName(ctx.actor),
      proposedById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    })),
  );
  const byId = new Map(workers.map((w) => [w.id, w]));
  await recordAudits(
    tx,
    ctx,
    rows.map((row) => ({
      action: 'enrollments.propose',
      entity: 'enrollment',
      entityId: row.id,
      regionCode: row.villageCode,
      after: {
        programId: program.id,
        workerId: row.workerId,
        nik: maskNik(byId.get(row.workerId)!.nik),
        status: row.status,
        months: monthRange(row.firstMonth, row.lastMonth),
      },
    })),
  );
  return new Map(rows.map((r) => [r.workerId, r.id]));
}
