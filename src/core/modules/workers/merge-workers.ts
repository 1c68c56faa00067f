import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { parseOrThrow } from '../../validation.ts';
import { MergeWorkersInput, type DuplicateDecision } from './duplicates.schema.ts';
import { insertDecision, moveHeirsAndChildren } from './duplicates.repository.ts';
import { decisionRow, lockCandidatePair, toDecision } from './duplicates.ts';
import { auditView } from './to-worker-view.ts';
import { updateWorkerRow, type NewWorkerRow, type WorkerRow } from './workers.repository.ts';

/** Optional fields the kept record takes from the merged one when it has none of its own. */
const FILLED = ['kk', 'phone', 'birthPlace', 'kpj'] as const;
/** Parts of a village's address: taken only from a record in the same village (another village's RT is wrong). */
const FILLED_SAME_VILLAGE = ['address', 'dusun', 'rw', 'rt'] as const;

/** The kept worker's empty optional fields, filled from the merged one. */
export function fillFrom(keep: WorkerRow, merged: WorkerRow): Partial<NewWorkerRow> {
  const set: Partial<NewWorkerRow> = {};
  const fields = [
    ...FILLED,
    ...(keep.villageCode === merged.villageCode ? FILLED_SAME_VILLAGE : []),
  ];
  for (const k of fields) {
    if (keep[k] === null && merged[k] !== null) set[k] = merged[k];
  }
  // the decile, its source and its year go together: one survey's answer
  if (keep.welfareDecile === null && merged.welfareDecile !== null) {
    set.welfareDecile = merged.welfareDecile;
    set.decileSource = merged.decileSource;
    set.decileYear = merged.decileYear;
  }
  return set;
}

/**
 * Merges a possible duplicate into the record a regency admin keeps, in one transaction: heirs
 * and children move to the kept worker, its empty optional fields are filled from the merged one,
 * and the merged record stays (hidden from lists, counts and exports) with `merged_into` set, so
 * its history and audit trail remain. Both workers get an audit record.
 */
export async function mergeWorkers(ctx: Ctx, raw: MergeWorkersInput): Promise<DuplicateDecision> {
  requirePermission(ctx.actor, 'workers.dedupe');
  const input = parseOrThrow(MergeWorkersInput, raw, 'Data penggabungan tidak valid.');
  return ctx.db.transaction(async (tx) => {
    const pair = await lockCandidatePair(ctx, tx, input.keepId, input.mergeId);
    const [keep, merged] = pair.a.id === input.keepId ? [pair.a, pair.b] : [pair.b, pair.a];
    const moved = await moveHeirsAndChildren(tx, merged.id, keep.id);
    const fill = fillFrom(keep, merged);
    const filledFields = Object.keys(fill);
    const kept = filledFields.length ? await updateWorkerRow(tx, keep.id, fill) : keep;
    const gone = await updateWorkerRow(tx, merged.id, { mergedInto: keep.id });
    const d = await insertDecision(tx, {
      ...decisionRow(ctx, pair.a, pair.b),
      decision: 'merged',
      keptId: keep.id,
    });
    const summary = { decisionId: d.id, heirsMoved: moved.heirs, childrenMoved: moved.children };
    await recordAudit(tx, ctx, {
      action: 'workers.merge',
      entity: 'worker',
      entityId: keep.id,
      regionCode: keep.villageCode,
      before: auditView(keep),
      after: { ...auditView(kept), mergedFrom: merged.id, filledFields, ...summary },
    });
    await recordAudit(tx, ctx, {
      action: 'workers.merge',
      entity: 'worker',
      entityId: merged.id,
      regionCode: merged.villageCode,
      before: auditView(merged),
      after: { ...auditView(gone), ...summary },
    });
    return {
      ...toDecision(d),
      moved: { heirs: moved.heirs, children: moved.children, filledFields },
    };
  });
}
