import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../context.ts';
import { jakartaDate } from '../../../context.ts';
import { requirePermission } from '../../../access/require-permission.ts';
import { recordAudit } from '../../../audit/record-audit.ts';
import { DomainError } from '../../../errors.ts';
import { normaliseRegionCode } from '../../../rules/region-code.ts';
import { findRegion } from '../../regions/index.ts';
import { insertDemoWorkers, listDistrictsOf, listVillagesBelow } from './demo.repository.ts';
import { generateDemoWorkers, type DemoWorkerRow } from './generate-demo-workers.ts';

/** Rows per transaction: a few MB of JSON per statement, progress every few seconds. */
const CHUNK = 5_000;
const MAX_WORKERS = 1_000_000;

export interface SeedDemoInput {
  region: string;
  workers: number;
  seed: number;
}

export interface SeedDemoProgress {
  region: { code: string; name: string; level: string };
  /** Rows generated so far (inserted or skipped), of `total`. */
  done: number;
  total: number;
  inserted: number;
}

export interface SeedDemoResult {
  inserted: number;
  /** NIKs that already existed (a second run with the same seed skips them all). */
  skipped: number;
  villages: number;
  seconds: number;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    throw new DomainError(
      'VALIDATION',
      `Jumlah pekerja contoh harus bilangan bulat 1–${MAX_WORKERS.toLocaleString('id-ID')}.`,
    );
  }
}

async function villagesOf(ctx: Ctx, input: SeedDemoInput) {
  const code = normaliseRegionCode(input.region);
  const found = code ? await findRegion(ctx.db, code) : undefined;
  if (!code || !found || found.retired) {
    throw new DomainError(
      'VALIDATION',
      `Wilayah ${input.region} tidak ada dalam daftar wilayah yang berlaku.`,
    );
  }
  requirePermission(ctx.actor, 'workers.create', code);
  const villages = await listVillagesBelow(ctx.db, code);
  if (villages.length === 0)
    throw new DomainError('VALIDATION', `Wilayah ${code} tidak memiliki desa/kelurahan.`);
  const regencies = [...new Set(villages.map((v) => v.code.slice(0, 5)))];
  const districts = await listDistrictsOf(ctx.db, regencies);
  return { region: { code, name: found.name, level: found.level }, villages, districts };
}

/**
 * Fills a region (any level: the villages below it) with generated workers for a demo. Chunks
 * commit one by one, each with its audit record; NIKs already registered are skipped, so the same
 * seed and count a second time insert nothing.
 */
export async function seedDemoWorkers(
  ctx: Ctx,
  input: SeedDemoInput,
  onProgress?: (p: SeedDemoProgress) => void,
): Promise<SeedDemoResult> {
  const started = Date.now();
  checkCount(input.workers);
  const { region, villages, districts } = await villagesOf(ctx, input);
  const total = input.workers;
  onProgress?.({ region, done: 0, total, inserted: 0 });
  const rows = generateDemoWorkers({
    villages,
    districts,
    count: total,
    seed: input.seed,
    today: jakartaDate(ctx.now()),
  });
  let done = 0;
  let inserted = 0;
  let chunk: DemoWorkerRow[] = [];
  const flush = async () => {
    inserted += await insertChunk(ctx, chunk, region.code, { inserted, seed: input.seed });
    done += chunk.length;
    chunk = [];
    onProgress?.({ region, done, total, inserted });
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === CHUNK) await flush();
  }
  if (chunk.length) await flush();
  // fresh statistics for the planner (the embedded database does not analyse on its own)
  if (inserted > 0) await ctx.db.execute(sql`ANALYZE worker`);
  return {
    inserted,
    skipped: total - inserted,
    villages: villages.length,
    seconds: (Date.now() - started) / 1000,
  };
}

async function insertChunk(
  ctx: Ctx,
  rows: DemoWorkerRow[],
  regionCode: string,
  before: { inserted: number; seed: number },
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const n = await insertDemoWorkers(tx, rows);
    // A chunk whose NIKs all existed changed nothing, so there is nothing to record.
    if (n > 0) {
      await recordAudit(tx, ctx, {
        action: 'workers.demo',
        entity: 'worker',
        regionCode,
        after: { inserted: n, total: before.inserted + n, seed: before.seed },
      });
    }
    return n;
  });
}
