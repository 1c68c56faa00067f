/**
 * `npm run bench -- import`: a CSV of N workers (default 1,000,000) in Jaring's layout, generated
 * by the demo generator over the villages of Jambi province (NIKs of real districts consistent
 * with birth date and sex, Indonesian names), 1 % of its rows bad in every way a file goes wrong.
 * It is imported into an empty database — the background job's own code: the file stored in the
 * database, then read as a stream and written chunk by chunk with audit records — and set beside
 * the physical limit measured in the same run: a raw `COPY` of the same file into a bare table of
 * text columns (no key, no index, no check). Peak RSS of the process is sampled during the import
 * (on PGlite it includes the embedded database itself). Then name search beside the exact NIK
 * lookup at that size, p50/p95 over Q queries each.
 *
 * Options: --workers N, --queries Q, --only pglite|postgresql, --pg-url URL, --record.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { systemActor, type Actor } from '../src/core/access/actor.ts';
import type { Ctx } from '../src/core/context.ts';
import { openDatabase, queryRows, type Database } from '../src/core/db/client.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import {
  bundledRegionSource,
  DEFAULT_REGION_SOURCE,
  loadRegions,
  readRegionSource,
} from '../src/core/modules/regions/index.ts';
import { listWorkers } from '../src/core/modules/workers/index.ts';
import { WORKER_COLUMNS } from '../src/core/modules/workers/worker-file-layout.ts';
import {
  generateDemoWorkers,
  type DemoWorkerRow,
} from '../src/core/modules/workers/demo/generate-demo-workers.ts';
import {
  listDistrictsOf,
  listVillagesBelow,
} from '../src/core/modules/workers/demo/demo.repository.ts';
import { queueImport, runImport } from '../src/core/modules/imports/import-job.ts';
import { EMBEDDED_CHUNK_ROWS } from '../src/core/modules/imports/import-runner.ts';
import { getImport } from '../src/core/modules/imports/get-import.ts';
import { appendSection, describeEnvironment, packageVersion } from './lib/environment.ts';
import { parseArgs, positiveInt } from './lib/args.ts';
import { probeServer, scratchDatabase } from './lib/postgres-server.ts';
import { csvField } from './lib/csv.ts';
import { markdownTable } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2), ['workers', 'queries', 'only', 'pg-url']);
const WORKERS = positiveInt(args.values.get('workers'), 1_000_000, 'workers');
const QUERIES = positiveInt(args.values.get('queries'), 1_000, 'queries');
const PG_URL = args.values.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = pino({ level: 'silent' });
const say = (s: string) => process.stderr.write(`${s}\n`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-bench-import-'));
const FILE = path.join(tmp, 'pekerja-jambi.csv');

/** Every kind of bad row a village file has: one of them in every 100 rows, in turn. */
const BAD: { kind: string; spoil: (cells: string[], earlierNik: string) => void }[] = [
  { kind: 'NIK too short', spoil: (c) => (c[0] = c[0]!.slice(0, 15)) },
  { kind: 'NIK of an unknown district', spoil: (c) => (c[0] = `1599${c[0]!.slice(4)}`) },
  {
    kind: 'NIK with an impossible birth day',
    spoil: (c) => (c[0] = `${c[0]!.slice(0, 6)}72${c[0]!.slice(8)}`),
  },
  { kind: 'name missing', spoil: (c) => (c[2] = '') },
  { kind: 'birth date not a date', spoil: (c) => (c[4] = '1985-13-45') },
  { kind: 'birth date in the future', spoil: (c) => (c[4] = '2031-01-01') },
  { kind: 'sex neither L nor P', spoil: (c) => (c[5] = 'X') },
  { kind: 'village not in the register', spoil: (c) => (c[6] = '15.08.99.2999') },
  { kind: 'occupation code outside 1–89', spoil: (c) => (c[12] = '99') },
  { kind: 'NIK twice in the file', spoil: (c, earlier) => (c[0] = earlier) },
];

function cellsOf(w: DemoWorkerRow): string[] {
  return WORKER_COLUMNS.map(({ key }) => {
    const v = (w as unknown as Record<string, string | number | null | undefined>)[key];
    return v === null || v === undefined ? '' : String(v);
  });
}

/** Writes the file, streaming; returns its size and how many rows of each kind are bad. */
async function writeFile(db: Database['db']): Promise<{ bytes: number; bad: number }> {
  const villages = await listVillagesBelow(db, '15');
  const districts = await listDistrictsOf(db, [
    ...new Set(villages.map((v) => v.code.slice(0, 5))),
  ]);
  const out = fs.createWriteStream(FILE);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${WORKER_COLUMNS.map((c) => c.header).join(',')}\n`);
  let i = 0;
  let bad = 0;
  let earlierNik = '';
  let buffer = '';
  for (const w of generateDemoWorkers({
    villages,
    districts,
    count: WORKERS,
    seed: 11,
    today: '2026-11-24',
  })) {
    const cells = cellsOf(w);
    i += 1;
    if (i % 100 === 50) {
      BAD[bad % BAD.length]!.spoil(cells, earlierNik);
      bad += 1;
    } else earlierNik = cells[0]!;
    buffer += `${cells.map(csvField).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await once(out, 'finish');
  return { bytes: fs.statSync(FILE).size, bad };
}

async function prepare(database: Database): Promise<Ctx> {
  await migrateDatabase(database, path.join(ROOT, 'src/core/db/migrations'));
  const ctx: Ctx = { db: database.db, actor: systemActor('bench'), now: () => new Date(), log };
  const b = bundledRegionSource();
  await loadRegions(
    ctx,
    readRegionSource(b.dir, { source: DEFAULT_REGION_SOURCE, version: b.version }),
  );
  return ctx;
}

const BARE = `CREATE TABLE bench_bare_worker (${WORKER_COLUMNS.map((c) => `${c.header} text`).join(', ')})`;

async function copyBare(database: Database): Promise<number> {
  await database.db.execute(sql.raw('DROP TABLE IF EXISTS bench_bare_worker'));
  await database.db.execute(sql.raw(BARE));
  const t = performance.now();
  if (database.kind === 'pglite') {
    const pglite = database.pglite!;
    await pglite.query(
      `COPY bench_bare_worker FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`,
      [],
      {
        blob: new Blob([new Uint8Array(fs.readFileSync(FILE))]),
      },
    );
  } else {
    const pool = database.pool!;
    const client = await pool.connect();
    try {
      await pipeline(
        fs.createReadStream(FILE, { highWaterMark: 64 * 1024 }),
        client.query(copyFrom('COPY bench_bare_worker FROM STDIN WITH (FORMAT csv, HEADER true)')),
      );
    } finally {
      client.release();
    }
  }
  const ms = performance.now() - t;
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM bench_bare_worker`,
  );
  if (Number(row!.n) !== WORKERS) throw new Error(`COPY wrote ${row!.n} rows, not ${WORKERS}`);
  await database.db.execute(sql.raw('DROP TABLE bench_bare_worker'));
  return ms;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function searchTimes(database: Database): Promise<{ nik: number[]; name: number[] }> {
  const rows = await queryRows<{ nik: string; part: string }>(
    database.db,
    sql`SELECT nik, split_part(name_key, ' ', 2) AS part FROM worker TABLESAMPLE SYSTEM (1) LIMIT ${QUERIES}`,
  );
  const actor: Actor = {
    kind: 'user',
    id: '00000000-0000-0000-0000-000000000000',
    username: 'bench',
    displayName: 'Bench',
    role: 'admin',
    scope: [],
  };
  const ctx: Ctx = { db: database.db, actor, now: () => new Date(), log };
  const time = async (qs: string[]) => {
    const out: number[] = [];
    for (const q of qs) {
      const t = performance.now();
      await listWorkers(ctx, { q, sort: 'name', page: 1, pageSize: 50 });
      out.push(performance.now() - t);
    }
    return out;
  };
  return {
    nik: await time(rows.map((r) => r.nik)),
    name: await time(rows.map((r) => r.part || 'siti')),
  };
}

async function run(label: string, database: Database): Promise<string[][]> {
  say(`${label}: register and ${WORKERS.toLocaleString('en')} rows…`);
  const ctx = await prepare(database);
  if (!fs.existsSync(FILE)) {
    const t = performance.now();
    const { bytes, bad } = await writeFile(database.db);
    say(
      `  file: ${(bytes / 1e6).toFixed(0)} MB, ${bad} bad rows, written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  const size = fs.statSync(FILE).size;
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  const t0 = performance.now();
  const queued = await queueImport(
    ctx,
    { path: FILE, fileName: 'pekerja-jambi.csv' },
    { mode: 'commit' },
  );
  const t1 = performance.now();
  const [job] = await queryRows<{ id: string }>(
    database.db,
    sql`UPDATE worker_import SET status = 'running', locked_by = 'bench' WHERE id = ${queued.id} RETURNING id`,
  );
  const { workerImport } = await import('../src/core/db/schema/imports.ts');
  const { eq } = await import('drizzle-orm');
  const [row] = await database.db.select().from(workerImport).where(eq(workerImport.id, job!.id));
  let lastSaid = 0;
  const timings = { rules: 0, reads: 0, writes: 0 };
  const status = await runImport(database.db, log, row!, 'bench', {
    timings,
    // as the server's runner does: smaller chunks on the embedded database
    ...(database.kind === 'pglite' ? { chunkRows: EMBEDDED_CHUNK_ROWS } : {}),
    onChunk: (line) => {
      if (line - lastSaid >= 100_000) {
        lastSaid = line;
        say(
          `  line ${line.toLocaleString('en')} · ${((performance.now() - t1) / 1000).toFixed(0)} s`,
        );
      }
    },
  });
  const t2 = performance.now();
  clearInterval(sampler);
  const summary = await getImport(ctx, queued.id);
  const c = summary.counts;
  if (
    status !== 'done' ||
    c.total !== WORKERS ||
    c.created + c.rejected + c.updated + c.unchanged + c.skipped !== WORKERS
  )
    throw new Error(`import ${status}: ${JSON.stringify(c)}`);
  say(`  import ${((t2 - t0) / 1000).toFixed(1)} s: ${JSON.stringify(c)}`);
  const copyMs = await copyBare(database);
  say(`  bare COPY ${(copyMs / 1000).toFixed(1)} s`);
  const search = await searchTimes(database);
  const importMs = t2 - t0;
  return [
    [
      label,
      `${(size / 1e6).toFixed(0)} MB`,
      `${(importMs / 1000).toFixed(1)} s (store ${((t1 - t0) / 1000).toFixed(1)} s)`,
      `${Math.round(WORKERS / (importMs / 1000)).toLocaleString('en')}`,
      `${(copyMs / 1000).toFixed(1)} s`,
      `${(importMs / copyMs).toFixed(1)}×`,
      `${Math.round(peak / 1e6)} MB (heap ${Math.round(peakHeap / 1e6)} MB)`,
      [
        timings.rules,
        timings.reads,
        timings.writes,
        t2 - t1 - timings.rules - timings.reads - timings.writes,
      ]
        .map((ms) => (ms / 1000).toFixed(0))
        .join(' / ') + ' s',
      `${c.created.toLocaleString('en')} / ${c.rejected.toLocaleString('en')}`,
      `${percentile(search.nik, 50).toFixed(1)} / ${percentile(search.nik, 95).toFixed(1)} ms`,
      `${percentile(search.name, 50).toFixed(0)} / ${percentile(search.name, 95).toFixed(0)} ms`,
      `${(percentile(search.name, 50) / percentile(search.nik, 50)).toFixed(0)}×`,
    ],
  ];
}

const rows: string[][] = [];
const only = args.values.get('only');
try {
  if (!only || only === 'postgresql') {
    const probe = await probeServer(PG_URL);
    if (!probe.ok) say(`PostgreSQL not reachable (${probe.reason}); skipped`);
    else {
      const scratch = scratchDatabase(PG_URL, `jaring_bench_import_${process.pid}`);
      await scratch.recreate();
      const database = await openDatabase({ kind: 'postgresql', url: scratch.url });
      rows.push(...(await run(`PostgreSQL ${probe.version}`, database)));
      await database.close();
      await scratch.drop();
    }
  }
  if (!only || only === 'pglite') {
    // on disk, as the server keeps it (in memory the whole database would count in the RSS)
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(tmp, 'pglite') });
    rows.push(...(await run(`PGlite ${packageVersion('@electric-sql/pglite')}`, database)));
    await database.close();
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const table = markdownTable(
  [
    'database',
    'file',
    'import (whole job)',
    'rows/s',
    'bare COPY',
    'import ÷ COPY',
    'peak RSS',
    'rules / DB reads / DB writes / file & rest',
    'created / rejected',
    'NIK p50 / p95',
    'name p50 / p95',
    'name ÷ NIK',
  ],
  rows,
);
process.stdout.write(`${table}\n`);
if (args.flags.has('record')) {
  const env = describeEnvironment();
  appendSection(
    path.join(ROOT, 'docs/PERFORMANCE.md'),
    `### ${env.date} — worker import (\`npm run bench -- import --workers ${WORKERS} --queries ${QUERIES}\`)\n\n- Machine: \`${env.uname}\`, ${env.cpu}, ${env.cores} cores, ${env.memory}; Node ${env.node}\n- A CSV in Jaring's layout, 1 % bad rows (${BAD.map((b) => b.kind).join('; ')}), imported by the background job's code into an empty database (the file stored, then read and written in chunks of 2,000 rows (250 on PGlite, as the server does), one audit record per worker). The limit: COPY of the same file into a bare table of text columns, same run. Search: ${QUERIES} queries each through \`listWorkers\` as a national admin.\n\n${table}\n`,
  );
}
