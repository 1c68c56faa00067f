import { isExclusionViolation } from '../../db/sql-state.ts';
import type { Ctx } from '../../context.ts';
import { actorName } from '../../access/actor.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Db } from '../../db/client.ts';
import { maskNik } from '../../rules/personal-data.ts';
import type { ProgramRow } from '../programs/load-program.ts';
import { monthRange, overlapMessage } from './enrollment-messages.ts';
import {
  insertEnrollment,
  overlappingSeats,
  type WorkerWithVillage,
} from './enrollment.repository.ts';

export interface Period {
  firstMonth: string;
  lastMonth: string;
}

/**
 * Inserts one proposed seat and its audit record in a savepoint, so that a refusal by the
 * database (another program funded the worker meanwhile) leaves the other NIKs' seats in place.
 */
export async function enrollSeat(
  ctx: Ctx,
  tx: Db,
  program: ProgramRow,
  w: WorkerWithVillage,
  period: Period,
): Promise<{ id: string } | { refused: string }> {
  try {
    return await tx.transaction(async (sp) => {
      const row = await insertEnrollment(sp, {
        programId: program.id,
        workerId: w.id,
        villageCode: w.villageCode,
        status: 'proposed',
        firstMonth: period.firstMonth,
        lastMonth: period.lastMonth,
        proposedBy: actorName(ctx.actor),
        proposedById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await recordAudit(sp, ctx, {
        action: 'enrollments.propose',
        entity: 'enrollment',
        entityId: row.id,
        regionCode: row.villageCode,
        after: {
          programId: program.id,
          workerId: w.id,
          nik: maskNik(w.nik),
          status: row.status,
          months: monthRange(row.firstMonth, row.lastMonth),
        },
      });
      return { id: row.id };
    });
  } catch (e) {
    if (!isExclusionViolation(e)) throw e;
    const overlap = (await overlappingSeats(tx, [w.id], period.firstMonth, period.lastMonth)).get(
      w.id,
    );
    return {
      refused: overlap
        ? overlapMessage(overlap)
        : 'Pekerja ini sudah dibiayai program lain pada bulan yang sama.',
    };
  }
}
