import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { actorName } from '../../access/actor.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { countActiveRegions, findLatestRegisterVersion } from './regions.repository.ts';
import {
  insertRegisterVersion,
  mergeStagedRegions,
  recomputeRegionCounts,
  retireMissingRegions,
  stageRegions,
} from './regions-register.repository.ts';
import type { RegionSource } from './read-region-source.ts';

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
export async function loadRegions(ctx: Ctx, src: RegionSource): Promise<LoadRegionsResult> {
  requirePermission(ctx.actor, 'regions.load');
  return ctx.db.transaction(async (tx) => {
    await stageRegions(tx, src.rows);
    const { added, updated } = await mergeStagedRegions(tx, src.version);
    const retired = await retireMissingRegions(tx);
    const changed = added + updated + retired > 0;
    const previous = await findLatestRegisterVersion(tx, src.source);
    if (changed) await recomputeRegionCounts(tx);
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
    ctx.log.info({ ...result }, 'region register loaded');
    return result;
  });
}
