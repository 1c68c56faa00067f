import type { Ctx } from '../../src/core/context.ts';
import { loadRegions, type RegionSource } from '../../src/core/modules/regions/index.ts';

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
 * The loader itself (loadRegions) with a clock read as each of its steps ends, for a first load
 * into an empty register. "begin" is the time until the transaction has started.
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
  await loadRegions(ctx, src, { onStep: lap });
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
