/**
 * Loading the whole Kemendagri region register into an empty, migrated database, on PGlite and on
 * PostgreSQL, beside the physical limit measured in the same run: a bare COPY of the same rows
 * into an unindexed table of the same columns. What counts is the ratio loader / COPY, since the
 * machine is noisy. Aim: loader within 2× of the bare COPY; first start (PGlite on disk) < 20 s.
 *
 *   npm run bench -- regions [--runs N] [--record] [--pg-url URL] [--only pglite|postgresql]
 *                            [--check]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { systemActor } from '../src/core/access/actor.ts';
import type { Ctx } from '../src/core/context.ts';
import { openDatabase, queryRows, type Database } from '../src/core/db/client.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import {
  bundledRegionSource,
  loadRegions,
  readRegionSource,
  type LoadRegionsResult,
  type RegionSource,
} from '../src/core/modules/regions/index.ts';
import { parseArgs, positiveInt, UsageError } from './lib/args.ts';
import {
  BARE_TABLE,
  copyPg,
  copyPglite,
  countQuery,
  indexedTable,
  resetTablePg,
  resetTablePglite,
  type CopyTable,
} from './lib/bare-copy.ts';
import { toCsv } from './lib/csv.ts';
import { appendSection, describeEnvironment, packageVersion } from './lib/environment.ts';
import { probeServer, redactUrl, scratchDatabase } from './lib/postgres-server.ts';
import { loadRegionsByStage, stagingJsonBuild, type StageTimes } from './lib/region-load-stages.ts';
import {
  fmtRate,
  fmtRatio,
  fmtSamples,
  fmtSeconds,
  markdownTable,
  median,
  timed,
} from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = path.join(ROOT, 'src/core/db/migrations');
const DOC = path.join(ROOT, 'docs/PERFORMANCE.md');
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const AIM_RATIO = 2;
const AIM_FIRST_START_MS = 20_000;

type Label = 'PGlite' | 'PostgreSQL';

interface Result {
  label: Label;
  /** PostgreSQL version of the engine (PGlite embeds its own). */
  version: string;
  open: number[];
  migrate: number[];
  load: number[];
  copy: number[];
  /** COPY into a copy of `region` with its key and indexes (diagnostic). */
  indexedCopy: number[];
  stages?: StageTimes;
  firstStart?: { total: number[]; create: number[]; migrate: number[]; load: number[] };
}

interface Target {
  label: Label;
  /** Opens an empty database (PostgreSQL: dropped and created again first). */
  open(): Promise<Database>;
  resetTable(d: Database, table: CopyTable): Promise<void>;
  copy(d: Database, table: CopyTable, csv: Buffer): Promise<void>;
  count(d: Database, table: CopyTable): Promise<number>;
}

const log = (msg: string) => process.stderr.write(msg + '\n');

function ctxFor(database: Database): Ctx {
  return {
    db: database.db,
    actor: systemActor(),
    now: () => new Date(),
    log: pino({ level: 'warn' }),
  };
}

function levelCounts(src: RegionSource): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of src.rows) counts[r.level] = (counts[r.level] ?? 0) + 1;
  return counts;
}

/** A load that is fast because it dropped rows is no result: check what landed. */
async function verifyLoad(
  d: Database,
  src: RegionSource,
  result: LoadRegionsResult,
): Promise<void> {
  const expected = levelCounts(src);
  const [row] = await queryRows<{ n: number; villages: number }>(
    d.db,
    sql`SELECT count(*)::int AS n,
      (SELECT coalesce(sum(village_count), 0)::int FROM region WHERE level = 'province') AS villages
      FROM region WHERE retired_at IS NULL`,
  );
  const problems: string[] = [];
  if (result.added !== src.rows.length) problems.push(`added ${result.added}`);
  if (row?.n !== src.rows.length) problems.push(`${row?.n} rows in region`);
  if (row?.villages !== expected.village)
    problems.push(`province village counts sum to ${row?.villages}`);
  for (const [level, n] of Object.entries(expected)) {
    if (result.active[level] !== n) problems.push(`${result.active[level]} active ${level}`);
  }
  if (problems.length)
    throw new Error(`Load check failed (expected ${src.rows.length}): ${problems.join('; ')}`);
}

function pgliteTarget(): Target {
  return {
    label: 'PGlite',
    open: () => openDatabase({ kind: 'pglite' }),
    resetTable: (d, table) => resetTablePglite(d.pglite!, table),
    copy: (d, table, csv) => copyPglite(d.pglite!, table, csv),
    count: async (d, table) => (await d.pglite!.query<{ n: number }>(countQuery(table))).rows[0]!.n,
  };
}

function postgresTarget(scratch: ReturnType<typeof scratchDatabase>): Target {
  return {
    label: 'PostgreSQL',
    open: async () => {
      await scratch.recreate();
      return openDatabase({ kind: 'postgresql', url: scratch.url });
    },
    resetTable: (d, table) => resetTablePg(d.pool!, table),
    copy: (d, table, csv) => copyPg(d.pool!, table, csv),
    count: async (d, table) => (await d.pool!.query<{ n: number }>(countQuery(table))).rows[0]!.n,
  };
}

/**
 * One run: the loader into an empty, migrated database; then, in another empty, migrated
 * database (so that neither inherits the other's dirty buffers), the bare COPY and the
 * diagnostic COPY into a copy of `region`.
 */
async function runOnce(target: Target, src: RegionSource, csv: Buffer) {
  const open = await timed(() => target.open());
  let d = open.value;
  let migrate, load;
  try {
    migrate = await timed(() => migrateDatabase(d, MIGRATIONS));
    load = await timed(() => loadRegions(ctxFor(d), src));
    await verifyLoad(d, src, load.value);
  } finally {
    await d.close();
  }
  d = await target.open();
  try {
    await migrateDatabase(d, MIGRATIONS);
    const copy = await copyInto(target, d, BARE_TABLE, src, csv);
    const indexedCopy = await copyInto(target, d, indexedTable(src.version), src, csv);
    return { open: open.ms, migrate: migrate.ms, load: load.ms, copy, indexedCopy };
  } finally {
    await d.close();
  }
}

async function copyInto(t: Target, d: Database, table: CopyTable, src: RegionSource, csv: Buffer) {
  await t.resetTable(d, table);
  const copy = await timed(() => t.copy(d, table, csv));
  const n = await t.count(d, table);
  if (n !== src.rows.length)
    throw new Error(`COPY into ${table.name} landed ${n} rows, not ${src.rows.length}`);
  return copy.ms;
}

async function stageRun(target: Target, src: RegionSource): Promise<StageTimes> {
  const d = await target.open();
  try {
    await migrateDatabase(d, MIGRATIONS);
    return await loadRegionsByStage(ctxFor(d), src);
  } finally {
    await d.close();
  }
}

/** A fresh PGlite folder on disk (initdb), migrated and loaded: what a new office waits for. */
async function firstStartOnce(src: RegionSource) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-bench-'));
  try {
    const create = await timed(() =>
      openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'data') }),
    );
    const d = create.value;
    try {
      const migrate = await timed(() => migrateDatabase(d, MIGRATIONS));
      const load = await timed(() => loadRegions(ctxFor(d), src));
      await verifyLoad(d, src, load.value);
      const total = create.ms + migrate.ms + load.ms;
      return { total, create: create.ms, migrate: migrate.ms, load: load.ms };
    } finally {
      await d.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(
  target: Target,
  version: string,
  runs: number,
  src: RegionSource,
  csv: Buffer,
) {
  const r: Result = {
    label: target.label,
    version,
    open: [],
    migrate: [],
    load: [],
    copy: [],
    indexedCopy: [],
  };
  for (let i = 1; i <= runs; i++) {
    const s = await runOnce(target, src, csv);
    log(
      `  ${target.label} run ${i}/${runs}: loader ${fmtSeconds(s.load)}, bare COPY ${fmtSeconds(s.copy)}, COPY into a copy of region ${fmtSeconds(s.indexedCopy)}, migrate ${fmtSeconds(s.migrate)}`,
    );
    r.open.push(s.open);
    r.migrate.push(s.migrate);
    r.load.push(s.load);
    r.copy.push(s.copy);
    r.indexedCopy.push(s.indexedCopy);
  }
  r.stages = await stageRun(target, src);
  log(`  ${target.label} loader by stage: ${fmtStages(r.stages)}`);
  return r;
}

async function measureFirstStart(r: Result, runs: number, src: RegionSource): Promise<void> {
  r.firstStart = { total: [], create: [], migrate: [], load: [] };
  for (let i = 1; i <= runs; i++) {
    const s = await firstStartOnce(src);
    log(
      `  PGlite first start ${i}/${runs}: ${fmtSeconds(s.total)} (initdb ${fmtSeconds(s.create)}, migrate ${fmtSeconds(s.migrate)}, load ${fmtSeconds(s.load)})`,
    );
    for (const k of ['total', 'create', 'migrate', 'load'] as const) r.firstStart[k].push(s[k]);
  }
}

function fmtStages(s: StageTimes): string {
  return `staging ${fmtSeconds(s.staging)}, merge ${fmtSeconds(s.merge)}, retire ${fmtSeconds(s.retire)}, counts ${fmtSeconds(s.counts)}, bookkeeping ${fmtSeconds(s.bookkeeping)}, commit ${fmtSeconds(s.commit)}`;
}

function mainTable(results: Result[], rows: number): string {
  const header = [
    'database',
    'loader (a)',
    'bare COPY (b)',
    'a/b',
    'loader rows/s',
    'COPY rows/s',
    'migrate',
    'first start (c)',
  ];
  return markdownTable(
    header,
    results.map((r) => {
      const a = median(r.load);
      const b = median(r.copy);
      const first = r.firstStart ? fmtSeconds(median(r.firstStart.total)) : 'n/a';
      return [
        `${r.label} ${r.version}`,
        fmtSeconds(a),
        fmtSeconds(b),
        `**${fmtRatio(a, b)}**`,
        fmtRate(rows, a),
        fmtRate(rows, b),
        fmtSeconds(median(r.migrate)),
        first,
      ];
    }),
  );
}

function stageTable(results: Result[], jsonMs: number): string {
  const keys = ['staging', 'merge', 'retire', 'counts', 'bookkeeping', 'commit', 'total'] as const;
  const table = markdownTable(
    ['database', ...keys],
    results
      .filter((r) => r.stages)
      .map((r) => [r.label, ...keys.map((k) => fmtSeconds(r.stages![k]))]),
  );
  const floors = results.map((r) => {
    const [a, b, c] = [median(r.load), median(r.copy), median(r.indexedCopy)];
    return `- ${r.label}: COPY into a copy of \`region\` (its key, 3 indexes, defaults) ${fmtSeconds(c)}, ${fmtRatio(c, b)} the bare COPY; the loader is ${fmtRatio(a, c)} that`;
  });
  return [
    table,
    `Of the staging, building the JSON parameters in JavaScript takes ${fmtSeconds(jsonMs)}.`,
    floors.join('\n'),
  ].join('\n\n');
}

function details(results: Result[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `- ${r.label}: loader ${fmtSamples(r.load)}; bare COPY ${fmtSamples(r.copy)}; COPY into a copy of region ${fmtSamples(r.indexedCopy)}; migrate ${fmtSamples(r.migrate)}; opening an empty database ${fmtSeconds(median(r.open))}`,
    );
    const f = r.firstStart;
    if (f) {
      lines.push(
        `- PGlite first start: ${fmtSamples(f.total)} (median: initdb ${fmtSeconds(median(f.create))} + migrate ${fmtSeconds(median(f.migrate))} + load ${fmtSeconds(median(f.load))})`,
      );
    }
  }
  return lines.join('\n');
}

function verdicts(results: Result[]): { text: string; met: boolean } {
  const lines: string[] = [];
  let met = true;
  for (const r of results) {
    const ratio = median(r.load) / median(r.copy);
    const ok = ratio <= AIM_RATIO;
    met &&= ok;
    lines.push(
      `- ${r.label}: loader ${ratio.toFixed(2)}× the bare COPY — ${ok ? 'within' : '**NOT within**'} ${AIM_RATIO}×`,
    );
    if (r.firstStart) {
      const fsMs = median(r.firstStart.total);
      const fsOk = fsMs < AIM_FIRST_START_MS;
      met &&= fsOk;
      lines.push(
        `- PGlite first start: ${fmtSeconds(fsMs)} — ${fsOk ? 'under' : '**NOT under**'} ${AIM_FIRST_START_MS / 1000} s`,
      );
    }
  }
  return { text: lines.join('\n'), met };
}

function usage(): never {
  log(
    'Usage: npm run bench -- regions [--runs N] [--record] [--pg-url URL] [--only pglite|postgresql] [--check]',
  );
  log('  --runs N      runs per measure, median reported (default 3)');
  log('  --record      append a dated section to docs/PERFORMANCE.md');
  log(`  --pg-url URL  PostgreSQL server (an admin connection; default ${DEFAULT_PG_URL}).`);
  log('                A throw-away database jaring_bench_<pid> is created on it and dropped.');
  log('  --only X      measure only pglite or postgresql');
  log('  --check       exit 1 when an aim is missed');
  process.exit(0);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['runs', 'pg-url', 'only']);
  if (args.flags.has('help')) usage();
  const unknown = [...args.flags].filter((f) => !['record', 'check'].includes(f));
  if (unknown.length) throw new UsageError(`Unknown option: --${unknown[0]} (see --help)`);
  const runs = positiveInt(args.values.get('runs'), 3, 'runs');
  const only = args.values.get('only');
  if (only && only !== 'pglite' && only !== 'postgresql')
    throw new UsageError('--only is pglite or postgresql');
  const pgUrl = args.values.get('pg-url') ?? DEFAULT_PG_URL;

  const bundled = bundledRegionSource();
  const read = await timed(() =>
    readRegionSource(bundled.dir, { source: 'idn-area-data', version: bundled.version }),
  );
  const src = read.value;
  const built = await timed(() =>
    Buffer.from(toCsv(src.rows.map((r) => [r.code, r.name, r.level, r.kind, r.parentCode]))),
  );
  const csv = built.value;
  const levels = levelCounts(src);
  const n = (x: number | undefined) => (x ?? 0).toLocaleString('en-US');
  const dataLine = `idn-area-data ${src.version}: ${src.rows.length.toLocaleString('en-US')} rows (${n(levels.province)} provinces, ${n(levels.regency)} regencies, ${n(levels.district)} districts, ${n(levels.village)} villages); reading the CSV files ${fmtSeconds(read.ms)}, building the COPY text (${(csv.length / 1e6).toFixed(1)} MB) ${fmtSeconds(built.ms)}`;
  log(dataLine);

  const results: Result[] = [];
  if (only !== 'postgresql') {
    const version = await pgliteVersion();
    log(
      `PGlite ${packageVersion('@electric-sql/pglite')} (PostgreSQL ${version}), ${runs} run${runs === 1 ? '' : 's'}`,
    );
    const r = await measure(pgliteTarget(), version, runs, src, csv);
    await measureFirstStart(r, runs, src);
    results.push(r);
  }
  let pgNote = '';
  if (only !== 'pglite') {
    const probe = await probeServer(pgUrl);
    if (!probe.ok) {
      pgNote = `PostgreSQL not measured: server at ${redactUrl(pgUrl)} unreachable (${probe.reason}).`;
      log(pgNote);
    } else {
      log(
        `PostgreSQL ${probe.version} at ${redactUrl(pgUrl)}, ${runs} run${runs === 1 ? '' : 's'}`,
      );
      const scratch = scratchDatabase(pgUrl, `jaring_bench_${process.pid}`);
      try {
        results.push(await measure(postgresTarget(scratch), probe.version, runs, src, csv));
      } finally {
        await scratch.drop();
      }
    }
  }
  if (results.length === 0) throw new Error('Nothing measured.');

  const jsonMs = stagingJsonBuild(src);
  const verdict = verdicts(results);
  const body = [
    `Data: ${dataLine}. Median of ${runs} run${runs === 1 ? '' : 's'}; each loader run into a fresh, migrated, empty database (migration time excluded).`,
    mainTable(results, src.rows.length),
    'Loader by stage (one run, a copy of loadRegions with a clock between steps):',
    stageTable(results, jsonMs),
    'Samples:',
    details(results),
    `Aim (loader ≤ ${AIM_RATIO}× bare COPY, first start < ${AIM_FIRST_START_MS / 1000} s):`,
    verdict.text,
    ...(pgNote ? [pgNote] : []),
  ].join('\n\n');
  process.stdout.write(body + '\n');

  if (args.flags.has('record')) {
    appendSection(DOC, recordHeader(results, runs) + '\n\n' + body);
    log(`Recorded in ${path.relative(ROOT, DOC)}`);
  }
  if (args.flags.has('check') && !verdict.met) process.exitCode = 1;
}

async function pgliteVersion(): Promise<string> {
  const d = await openDatabase({ kind: 'pglite' });
  try {
    return (await d.pglite!.query<{ server_version: string }>('SHOW server_version')).rows[0]!
      .server_version;
  } finally {
    await d.close();
  }
}

function recordHeader(results: Result[], runs: number): string {
  const env = describeEnvironment();
  const pglite = results.find((r) => r.label === 'PGlite');
  const pg = results.find((r) => r.label === 'PostgreSQL');
  return [
    `### ${env.date} — regions (\`npm run bench -- regions --runs ${runs}\`)`,
    '',
    `- Machine: \`${env.uname}\`, ${env.cpu}, ${env.cores} cores, ${env.memory}`,
    `- Node ${env.node}; PGlite ${packageVersion('@electric-sql/pglite')}${pglite ? ` (PostgreSQL ${pglite.version})` : ' (not measured)'}; PostgreSQL server ${pg ? pg.version : 'not measured'}`,
    `- Peak RSS of the benchmark process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  ].join('\n');
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) log(e.message);
  else log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
