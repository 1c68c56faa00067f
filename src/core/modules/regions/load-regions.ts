import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { actorName } from '../../access/actor.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { countActiveRegions, findLatestRegisterVersion } from './regions.repository.ts';
import {
  insertRegisterVersion,
  insertRegions,
  isRegisterEmpty,
  mergeStagedRegions,
  recomputeRegionCounts,
  retireMissingRegions,
  stageRegions,
} from './regions-register.repository.ts';
import type { RegionSource } from './read-region-source.ts';

/** Steps reported to `onStep` as each ends (the benchmark times them). */
export type LoadStep = 'begin' | 'staging' | 'merge' | 'retire' | 'counts' | 'bookkeeping';

export interface LoadRegionsResult {
  source: string;
  version: string;
  total: number;
  added: number;
  updated: number;
  retired: number;
  unchanged: number;
  active: Record<string, number>;
}

/**
 * Loads a whole register in one transaction: new codes added, changed names updated, missing
 * codes retired (never deleted). Loading the same data twice changes nothing and writes nothing.
 */
export async function loadRegions(
  ctx: Ctx,
  src: RegionSource,
  opts: { onStep?: (step: LoadStep) => void } = {},
): Promise<LoadRegionsResult> {
  requirePermission(ctx.actor, 'regions.load');
  const step = opts.onStep ?? (() => undefined);
  return ctx.db.transaction(async (tx) => {
    step('begin');
    let added: number;
    let updated = 0;
    let retired = 0;
    if (await isRegisterEmpty(tx)) {
      // The first load: nothing to compare with, nothing can be missing.
      step('staging');
      added = await insertRegions(tx, src.rows, src.version);
      step('merge');
    } else {
      await stageRegions(tx, src.rows);
      step('staging');
      ({ added, updated } = await mergeStagedRegions(tx, src.version));
      step('merge');
      retired = await retireMissingRegions(tx);
    }
    step('retire');
    const changed = added + updated + retired > 0;
    const previous = await findLatestRegisterVersion(tx, src.source);
    if (changed) await recomputeRegionCounts(tx);
    step('counts');
    const active = await countActiveRegions(tx);
    const result: LoadRegionsResult = {
      source: src.source,
      version: src.version,
      total: src.rows.length,
      added,
      updated,
      retired,
      unchanged: src.rows.length - added - updated,
      active,
    };
    if (changed || previous?.version !== src.version) {
      const counts = { total: result.total, added, updated, retired, ...active };
      await insertRegisterVersion(tx, {
        source: src.source,
        version: src.version,
        loadedBy: actorName(ctx.actor),
        counts,
      });
      await recordAudit(tx, ctx, {
        action: 'regions.load',
        entity: 'region_register',
        entityId: `${src.source}@${src.version}`,
        before: previous ? { version: previous.version } : null,
        after: counts,
      });
    }
    step('bookkeeping');
    ctx.log.info({ ...result }, 'region register loaded');
    return result;
  });
}
