import { sql } from 'drizzle-orm';
import type { Ctx } from '../../src/core/context.ts';
import { actorName } from '../../src/core/access/actor.ts';
import { recordAudit } from '../../src/core/audit/record-audit.ts';
import type { RegionSource } from '../../src/core/modules/regions/index.ts';
import {
  countActiveRegions,
  findLatestRegisterVersion,
} from '../../src/core/modules/regions/regions.repository.ts';
import {
  insertRegisterVersion,
  mergeStagedRegions,
  recomputeRegionCounts,
  retireMissingRegions,
  stageRegions,
} from '../../src/core/modules/regions/regions-register.repository.ts';

export interface StageTimes {
  begin: number;
  staging: number;
  merge: number;
  retire: number;
  counts: number;
  /** Latest version, active counts, version row and audit record. */
  bookkeeping: number;
  commit: number;
  total: number;
}

/**
 * A diagnostic copy of loadRegions (src/core/modules/regions/load-regions.ts) with a clock
 * between its steps, for a first load into an empty register. It calls the same repository
 * functions in the same order; if loadRegions changes, change this too. Not a measure of the
 * loader itself: that is always loadRegions.
 */
export async function loadRegionsByStage(ctx: Ctx, src: RegionSource): Promise<StageTimes> {
  const t: Partial<StageTimes> = {};
  const start = performance.now();
  let mark = start;
  const lap = (key: keyof StageTimes) => {
    const now = performance.now();
    t[key] = now - mark;
    mark = now;
  };
  await ctx.db.transaction(async (tx) => {
    // Drizzle's BEGIN has run once the callback starts; a no-op query marks it on both drivers.
    await tx.execute(sql`SELECT 1`);
    lap('begin');
    await stageRegions(tx, src.rows);
    lap('staging');
    const { added, updated } = await mergeStagedRegions(tx, src.version);
    lap('merge');
    const retired = await retireMissingRegions(tx);
    lap('retire');
    await recomputeRegionCounts(tx);
    lap('counts');
    const previous = await findLatestRegisterVersion(tx, src.source);
    const active = await countActiveRegions(tx);
    const counts = { total: src.rows.length, added, updated, retired, ...active };
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
    lap('bookkeeping');
  });
  lap('commit');
  t.total = performance.now() - start;
  return t as StageTimes;
}

/** The JavaScript half of stageRegions: building the JSON parameters (its STAGE_CHUNK is 25,000). */
export function stagingJsonBuild(src: RegionSource, chunk = 25_000): number {
  const start = performance.now();
  let bytes = 0;
  for (let i = 0; i < src.rows.length; i += chunk) {
    const part = src.rows
      .slice(i, i + chunk)
      .map((r) => [r.code, r.name, r.level, r.kind, r.parentCode]);
    bytes += JSON.stringify(part).length;
  }
  if (bytes === 0) throw new Error('no rows');
  return performance.now() - start;
}
