import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { parseOrThrow } from '../../validation.ts';
import { LifeStatusInput } from './family.schema.ts';
import { lockEditableWorker } from './family-members.ts';
import { toDetail } from './to-worker-view.ts';
import type { WorkerDetail } from './workers.schema.ts';
import { findVillageLineage, updateWorkerRow, type WorkerRow } from './workers.repository.ts';

function invalidDate(message: string): DomainError {
  return new DomainError('VALIDATION', message, { issues: [{ path: 'date', message }] });
}

const WORD = { dead: 'meninggal', moved: 'pindah' } as const;

/** The date of death or of moving out: required, not in the future, not before birth. */
function eventDate(ctx: Ctx, w: WorkerRow, status: 'dead' | 'moved', date: string | undefined) {
  if (!date) throw invalidDate(`Tanggal ${WORD[status]} wajib diisi.`);
  if (date > jakartaDate(ctx.now()))
    throw invalidDate(`Tanggal ${WORD[status]} tidak boleh di masa depan.`);
  if (date < w.birthDate)
    throw invalidDate(
      `Tanggal ${WORD[status]} tidak boleh sebelum tanggal lahir pekerja (${w.birthDate}).`,
    );
  return date;
}

const lifeOf = (w: Pick<WorkerRow, 'lifeStatus' | 'deathDate' | 'movedDate'>) => ({
  lifeStatus: w.lifeStatus,
  deathDate: w.deathDate,
  movedDate: w.movedDate,
});

/**
 * Records that a worker died (a death benefit may follow, DOMAIN §7) or moved out of the village;
 * `alive` corrects a mistaken record and clears both dates. Audited on the worker.
 */
export async function setLifeStatus(
  ctx: Ctx,
  id: string,
  raw: LifeStatusInput,
): Promise<WorkerDetail> {
  requirePermission(ctx.actor, 'workers.update');
  const input = parseOrThrow(LifeStatusInput, raw, 'Status hidup tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const current = await lockEditableWorker(ctx, tx, id);
    const next =
      input.status === 'alive'
        ? { lifeStatus: 'alive' as const, deathDate: null, movedDate: null }
        : input.status === 'dead'
          ? {
              lifeStatus: 'dead' as const,
              deathDate: eventDate(ctx, current, 'dead', input.date),
              movedDate: null,
            }
          : {
              lifeStatus: 'moved' as const,
              deathDate: null,
              movedDate: eventDate(ctx, current, 'moved', input.date),
            };
    const before = lifeOf(current);
    let saved = current;
    if (JSON.stringify(before) !== JSON.stringify(next)) {
      saved = await updateWorkerRow(tx, id, next);
      await recordAudit(tx, ctx, {
        action: 'workers.lifeStatus',
        entity: 'worker',
        entityId: id,
        regionCode: current.villageCode,
        before,
        after: lifeOf(saved),
      });
    }
    const lineage = await findVillageLineage(tx, saved.villageCode);
    return toDetail(saved, lineage!, ctx.actor);
  });
}
