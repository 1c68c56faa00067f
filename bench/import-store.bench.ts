/**
 * `npm run bench -- import-store`: how long other requests wait while a large upload is queued.
 * A CSV of about 170 MB in OpenSID's resident-register layout is made on the fly (the 97 residents
 * of `../shared/fixtures/opensid/contoh_penduduk.xlsx` over and over, each with its own NIK; a
 * synthetic row of the same 43 columns when the fixture folder is absent) and queued with
 * `queueImport` — the route's own call: the header checked, the job recorded, the file stored in
 * the database piece by piece. Meanwhile a probe sends `SELECT 1` through the same `Database`
 * 10 ms after each answer and times how late each answer is: on PGlite (one connection for the
 * whole server, on the server's own thread) that is what every other user's page waits for. The
 * longest the thread was busy without a break (an event-loop delay histogram) is given beside it.
 * Nothing of the rows is imported.
 *
 * Options: --megabytes N (default 170), --only pglite|postgresql, --pg-url URL, --record.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { systemActor } from '../src/core/access/actor.ts';
import type { Ctx } from '../src/core/context.ts';
import { openDatabase, queryRows, type Database } from '../src/core/db/client.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import { queueImport } from '../src/core/modules/imports/import-job.ts';
import { readWorkerFile } from '../src/core/modules/imports/read-worker-file.ts';
import { appendSection, describeEnvironment, packageVersion } from './lib/environment.ts';
import { parseArgs, positiveInt } from './lib/args.ts';
import { probeServer, scratchDatabase } from './lib/postgres-server.ts';
import { csvField } from './lib/csv.ts';
import { markdownTable } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = path.resolve(ROOT, '../shared/fixtures/opensid/contoh_penduduk.xlsx');
const args = parseArgs(process.argv.slice(2), ['megabytes', 'only', 'pg-url']);
const MEGABYTES = positiveInt(args.values.get('megabytes'), 170, 'megabytes');
const PG_URL = args.values.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PROBE_EVERY_MS = 10;
const log = pino({ level: 'silent' });
const say = (s: string) => process.stderr.write(`${s}\n`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-bench-import-store-'));
const FILE = path.join(tmp, 'penduduk-opensid.csv');

/** OpenSID's resident-register columns (see ../shared/fixtures/opensid/README.md). */
const OPENSID_COLUMNS =
  'alamat,dusun,rw,rt,nama,no_kk,nik,sex,tempatlahir,tanggallahir,agama_id,pendidikan_kk_id,pendidikan_sedang_id,pekerjaan_id,status_kawin,kk_level,warganegara_id,ayah_nik,nama_ayah,ibu_nik,nama_ibu,golongan_darah_id,akta_lahir,dokumen_pasport,tanggal_akhir_paspor,dokumen_kitas,akta_perkawinan,tanggalperkawinan,akta_perceraian,tanggalperceraian,cacat_id,cara_kb_id,hamil,ktp_el,status_rekam,alamat_sekarang,status_dasar,suku,tag_id_card,id_asuransi,no_asuransi,lat,lng'.split(
    ',',
  );

/** The fixture's residents, or one made-up resident of the same columns. */
async function sampleRows(): Promise<{ headers: string[]; rows: string[][]; source: string }> {
  if (fs.existsSync(FIXTURE)) {
    const file = await readWorkerFile(FIXTURE, 'contoh_penduduk.xlsx');
    const rows: string[][] = [];
    for await (const row of file.rows) rows.push(row.cells);
    return { headers: file.headers, rows, source: 'OpenSID sample residents' };
  }
  say(`  ${FIXTURE} not found: a made-up resident in OpenSID's columns instead`);
  const row = OPENSID_COLUMNS.map((c) => {
    if (c === 'nama') return 'Siti Rahayu';
    if (c === 'nik') return '5201144107850001';
    if (c === 'tanggallahir') return '1985-07-01';
    if (c === 'alamat') return 'Dusun Mangsit, Desa Senggigi';
    return c.endsWith('_id') ? '1' : '';
  });
  return { headers: OPENSID_COLUMNS, rows: [row], source: 'a made-up resident' };
}

/** Writes about MEGABYTES of CSV, streaming; every row gets its own NIK. */
async function writeFile(): Promise<{ bytes: number; rows: number; source: string }> {
  const { headers, rows, source } = await sampleRows();
  const nikAt = headers.findIndex((h) => h.toLowerCase() === 'nik');
  const target = MEGABYTES * 1e6;
  const out = fs.createWriteStream(FILE);
  let bytes = 0;
  let n = 0;
  let buffer = `${headers.map(csvField).join(',')}\n`;
  while (bytes + buffer.length < target) {
    const cells = [...rows[n % rows.length]!];
    if (nikAt >= 0)
      cells[nikAt] = `${(cells[nikAt] ?? '').slice(0, 10)}${String(n).padStart(6, '0')}`;
    buffer += `${cells.map(csvField).join(',')}\n`;
    n += 1;
    if (buffer.length > 1 << 20) {
      bytes += buffer.length;
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
  return { bytes: fs.statSync(FILE).size, rows: n, source };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function run(label: string, database: Database): Promise<string[]> {
  say(`${label}: queueing ${(fs.statSync(FILE).size / 1e6).toFixed(0)} MB…`);
  await migrateDatabase(database, path.join(ROOT, 'src/core/db/migrations'));
  const ctx: Ctx = { db: database.db, actor: systemActor('bench'), now: () => new Date(), log };
  let storing = true;
  const waits: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const probe = (async () => {
    // a wait is counted from when the probe was due (10 ms after the last answer), not from when
    // its timer fired: a thread busy with the upload delays a request's start as much as a
    // database that is held
    let due = performance.now();
    while (storing) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      await database.db.execute(sql`SELECT 1`);
      const answered = performance.now();
      // a timer may fire a little early: such an answer was not late at all
      waits.push(Math.max(0, answered - due));
      due = answered + PROBE_EVERY_MS;
    }
  })();
  const t0 = performance.now();
  const job = await queueImport(
    ctx,
    { path: FILE, fileName: 'penduduk-opensid.csv' },
    { mode: 'preview', villageCode: '52.01.14.2001' },
  ).finally(() => (storing = false));
  const storeMs = performance.now() - t0;
  await probe;
  loop.disable();
  const [pieces] = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM worker_import_file WHERE import_id = ${job.id}`,
  );
  say(
    `  ${job.status} in ${(storeMs / 1000).toFixed(1)} s, ${pieces!.n} pieces; ${waits.length} probes, longest ${(Math.max(...waits) / 1000).toFixed(2)} s`,
  );
  return [
    label,
    `${(fs.statSync(FILE).size / 1e6).toFixed(0)} MB · ${pieces!.n} pieces`,
    `${(storeMs / 1000).toFixed(1)} s`,
    String(waits.length),
    `${percentile(waits, 50).toFixed(1)} ms`,
    `${percentile(waits, 95).toFixed(0)} ms`,
    `${Math.max(...waits).toFixed(0)} ms`,
    `${(loop.max / 1e6).toFixed(0)} ms`,
  ];
}

const rows: string[][] = [];
const only = args.values.get('only');
let made = { bytes: 0, rows: 0, source: '' };
try {
  const t = performance.now();
  made = await writeFile();
  say(
    `file: ${(made.bytes / 1e6).toFixed(0)} MB, ${made.rows.toLocaleString('en')} rows from ${made.source}, written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  if (!only || only === 'postgresql') {
    const probe = await probeServer(PG_URL);
    if (!probe.ok) say(`PostgreSQL not reachable (${probe.reason}); skipped`);
    else {
      const scratch = scratchDatabase(PG_URL, `jaring_bench_store_${process.pid}`);
      await scratch.recreate();
      const database = await openDatabase({ kind: 'postgresql', url: scratch.url });
      rows.push(await run(`PostgreSQL ${probe.version}`, database));
      await database.close();
      await scratch.drop();
    }
  }
  if (!only || only === 'pglite') {
    // on disk, as the server keeps it
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(tmp, 'pglite') });
    rows.push(await run(`PGlite ${packageVersion('@electric-sql/pglite')}, on disk`, database));
    await database.close();
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const table = markdownTable(
  [
    'database',
    'file',
    'queueImport',
    'probes answered',
    'SELECT 1 wait p50',
    'p95',
    'longest wait',
    'thread busy at most',
  ],
  rows,
);
process.stdout.write(`${table}\n`);
if (args.flags.has('record')) {
  const env = describeEnvironment();
  appendSection(
    path.join(ROOT, 'docs/PERFORMANCE.md'),
    `### ${env.date} — queueing a large upload (\`npm run bench -- import-store --megabytes ${MEGABYTES}\`)\n\n- Machine: \`${env.uname}\`, ${env.cpu}, ${env.cores} cores, ${env.memory}; Node ${env.node}\n- A CSV in OpenSID's layout (${made.rows.toLocaleString('en')} rows from ${made.source}) queued with \`queueImport\` while \`SELECT 1\` is sent through the same database ${PROBE_EVERY_MS} ms after each answer; a wait counts from when the probe was due.\n\n${table}\n`,
  );
}
