/**
 * `npm run bench -- enroll`: a province-wide program over every village of Jawa Tengah (region 33,
 * all kinds of village) with S seats each (default 100), and 100 demo workers per village
 * proposed by their villages. Measured through the use-cases, as the pages call them:
 *
 * 1. the program created and activated (its seats derived for every village): `createProgram`,
 *    `activateProgram` as the province admin;
 * 2. every village's workers proposed by NIK, one `proposeEnrollments` call per village as its
 *    village operator (eligibility, quota, double funding, one audit record per seat);
 * 3. the proposals approved by each regency admin through `approveEnrollments`, 500 ids a call
 *    (the page's largest selection); the program has no district step unless `--district-step`,
 *    then each district officer verifies first (`verifyEnrollments`, same batches);
 * 4. the physical reference in the same run: one set-based `INSERT INTO enrollment … SELECT` of
 *    the same approved rows into a fresh program of the following year (the same table, indexes,
 *    foreign keys and no-double-funding exclusion constraint; no audit, no rules).
 *
 * The workers come from the demo generator (realistic shares of ages and occupations, 50–250
 * workers per village scaled to 100 on average): some are refused as ineligible, some because
 * their village's seats are full; both are counted. Set-up (register, workers) is not timed.
 *
 * Options: --villages N (the first N villages of 33 in code order; default all), --seats S,
 * --batch B (ids per approval call, default 500), --district-step, --only pglite|postgresql,
 * --pg-url URL, --record.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { systemActor, type Actor, type Role } from '../src/core/access/actor.ts';
import type { Ctx } from '../src/core/context.ts';
import { jakartaDate } from '../src/core/context.ts';
import { openDatabase, queryRows, type Database } from '../src/core/db/client.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import {
  bundledRegionSource,
  DEFAULT_REGION_SOURCE,
  loadRegions,
  readRegionSource,
} from '../src/core/modules/regions/index.ts';
import { seedDemoWorkers } from '../src/core/modules/workers/index.ts';
import {
  insertDemoWorkers,
  listDistrictsOf,
  listVillagesBelow,
} from '../src/core/modules/workers/demo/demo.repository.ts';
import {
  generateDemoWorkers,
  type DemoVillage,
  type DemoWorkerRow,
} from '../src/core/modules/workers/demo/generate-demo-workers.ts';
import { activateProgram, createProgram } from '../src/core/modules/programs/index.ts';
import {
  approveEnrollments,
  proposeEnrollments,
  verifyEnrollments,
} from '../src/core/modules/enrollment/index.ts';
import { appendSection, describeEnvironment, packageVersion } from './lib/environment.ts';
import { parseArgs, positiveInt, UsageError } from './lib/args.ts';
import { probeServer, scratchDatabase } from './lib/postgres-server.ts';
import { markdownTable } from './lib/stats.ts';
import {
  installQueryProfile,
  profilePglite,
  takeQueryProfile,
  type StatementStats,
} from './lib/query-profile.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2), ['villages', 'seats', 'batch', 'only', 'pg-url']);
const PROVINCE = '33';
const WORKERS_PER_VILLAGE = 100;
const VILLAGES_ASKED = args.values.has('villages')
  ? positiveInt(args.values.get('villages'), 0, 'villages')
  : null;
const SEATS = positiveInt(args.values.get('seats'), 100, 'seats');
const BATCH = positiveInt(args.values.get('batch'), 500, 'batch');
const DISTRICT_STEP = args.flags.has('district-step');
const PG_URL = args.values.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const only = args.values.get('only');
if (only && only !== 'pglite' && only !== 'postgresql')
  throw new UsageError('--only must be pglite or postgresql');
if (BATCH > 1000) throw new UsageError('--batch must be at most 1000 (the use-case limit)');
const log = pino({ level: 'silent' });
const say = (s: string) => process.stderr.write(`${s}\n`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-bench-enroll-'));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString('en');

function user(role: Role, scope: string[], username: string): Actor {
  return { kind: 'user', id: randomUUID(), username, displayName: username, role, scope };
}

function ctxOf(database: Database, actor: Actor): Ctx {
  return { db: database.db, actor, now: () => new Date(), log };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** A refusal's message with its numbers and quoted names taken out: one line per kind of reason. */
const reasonKind = (m: string) =>
  m
    .replace(/"[^"]*"/g, '"…"')
    .replace(
      /desa [^(.]+ sudah penuh \(\d+ dari \d+ kursi\)/,
      'desa … sudah penuh (n dari S kursi)',
    )
    .replace(/\d+/g, '#');

/** The first N villages: the demo generator's, chunked and inserted as `jaring demo` does. */
async function seedVillages(database: Database, villages: DemoVillage[]): Promise<number> {
  const districts = await listDistrictsOf(database.db, [
    ...new Set(villages.map((v) => v.code.slice(0, 5))),
  ]);
  let chunk: DemoWorkerRow[] = [];
  let inserted = 0;
  const flush = async () => {
    inserted += await database.db.transaction((tx) => insertDemoWorkers(tx, chunk));
    chunk = [];
  };
  for (const row of generateDemoWorkers({
    villages,
    districts,
    count: villages.length * WORKERS_PER_VILLAGE,
    seed: 33,
    today: jakartaDate(new Date()),
  })) {
    chunk.push(row);
    if (chunk.length === 5_000) await flush();
  }
  if (chunk.length) await flush();
  await database.db.execute(sql`ANALYZE worker`);
  return inserted;
}

interface Outcome {
  villages: number;
  allVillages: number;
  regencies: number;
  workers: number;
  seedMs: number;
  createMs: number;
  activateMs: number;
  allocations: number;
  seats: number;
  proposeMs: number;
  proposeCalls: number[];
  proposed: number;
  enrolled: number;
  refused: number;
  quotaFull: number;
  reasons: Map<string, number>;
  verifyMs: number;
  verifyCalls: number[];
  approveMs: number;
  approveCalls: number[];
  approved: number;
  referenceMs: number;
  referenceRows: number;
  /** The statements of steps 2 and 3, timed from send to answer. */
  profile: { propose: StatementStats[]; approve: StatementStats[] };
}

async function stepInBatches(
  database: Database,
  label: string,
  groups: { actor: Actor; ids: string[] }[],
  take: typeof approveEnrollments,
): Promise<{ ms: number; calls: number[]; done: number; profile: StatementStats[] }> {
  takeQueryProfile();
  const calls: number[] = [];
  let done = 0;
  const total = groups.reduce((sum, g) => sum + g.ids.length, 0);
  const t0 = performance.now();
  let lastSaid = 0;
  for (const g of groups) {
    const ctx = ctxOf(database, g.actor);
    for (let i = 0; i < g.ids.length; i += BATCH) {
      const t = performance.now();
      const r = await take(ctx, { ids: g.ids.slice(i, i + BATCH) });
      calls.push(performance.now() - t);
      if (r.refused > 0)
        throw new Error(
          `${label}: ${r.refused} refused, e.g. ${r.results.find((x) => x.message)?.message}`,
        );
      done += r.done;
      if (done - lastSaid >= 50_000) {
        lastSaid = done;
        const el = performance.now() - t0;
        say(
          `  ${label} ${n(done)} / ${n(total)} · ${s(el)} · ${n(Math.round(done / (el / 1000)))}/s`,
        );
      }
    }
  }
  const ms = performance.now() - t0;
  return { ms, calls, done, profile: takeQueryProfile() };
}

function mergeProfiles(...lists: StatementStats[][]): StatementStats[] {
  const out = new Map<string, StatementStats>();
  for (const x of lists.flat()) {
    const m = out.get(x.kind) ?? { kind: x.kind, count: 0, ms: 0 };
    m.count += x.count;
    m.ms += x.ms;
    out.set(x.kind, m);
  }
  return [...out.values()].sort((a, b) => b.ms - a.ms);
}

async function idsBy(
  database: Database,
  programId: string,
  status: string,
  prefixLength: number,
): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ id: string; area: string }>(
    database.db,
    sql`SELECT id, left(village_code, ${prefixLength}) AS area FROM enrollment
      WHERE program_id = ${programId} AND status = ${status} ORDER BY village_code, id`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.area) ?? [];
    list.push(r.id);
    out.set(r.area, list);
  }
  return out;
}

async function run(label: string, database: Database): Promise<Outcome> {
  say(`${label}: register…`);
  await migrateDatabase(database, path.join(ROOT, 'src/core/db/migrations'));
  const system = ctxOf(database, systemActor('bench'));
  const b = bundledRegionSource();
  await loadRegions(
    system,
    readRegionSource(b.dir, { source: DEFAULT_REGION_SOURCE, version: b.version }),
  );
  const all = await listVillagesBelow(database.db, PROVINCE);
  const villages = VILLAGES_ASKED === null ? all : all.slice(0, VILLAGES_ASKED);
  const kinds = [...new Set(all.map((v) => v.kind ?? 'desa'))].sort() as (
    'desa' | 'kelurahan' | 'desa_adat'
  )[];
  say(
    `  ${n(all.length)} villages in ${PROVINCE} (${kinds.join(', ')}); ${n(villages.length)} take part in this run`,
  );

  // set-up, not timed: the workers
  let t = performance.now();
  let workers: number;
  if (villages.length === all.length) {
    let last = 0;
    const r = await seedDemoWorkers(
      system,
      { region: PROVINCE, workers: all.length * WORKERS_PER_VILLAGE, seed: 33 },
      (p) => {
        if (p.done - last >= 100_000 || p.done === p.total) {
          last = p.done;
          say(`  seeded ${n(p.done)} / ${n(p.total)}`);
        }
      },
    );
    workers = r.inserted;
  } else workers = await seedVillages(database, villages);
  const seedMs = performance.now() - t;
  say(`  ${n(workers)} workers seeded in ${s(seedMs)}`);

  // 1. the program, created and activated by the province
  const province = ctxOf(database, user('province_admin', [PROVINCE], 'dinas.jateng'));
  const programInput = (year: number) => ({
    name: `Perlindungan Pekerja Rentan Provinsi Jawa Tengah ${year}`,
    ownerRegion: PROVINCE,
    funderType: 'apbd_provinsi' as const,
    budgetReference: `DPA Disnakertrans Jateng ${year}`,
    firstMonth: `${year}-01`,
    lastMonth: `${year}-12`,
    quota: { rule: 'per_village' as const, seats: SEATS, villageKinds: kinds },
    districtStep: DISTRICT_STEP,
  });
  t = performance.now();
  const created = await createProgram(province, programInput(2027));
  const createMs = performance.now() - t;
  t = performance.now();
  await activateProgram(province, created.id);
  const activateMs = performance.now() - t;
  const [alloc] = await queryRows<{ villages: number; seats: number }>(
    database.db,
    sql`SELECT count(*)::int AS villages, coalesce(sum(seats), 0)::int AS seats
      FROM program_allocation WHERE program_id = ${created.id}`,
  );
  say(
    `  program: created ${s(createMs)}, activated ${s(activateMs)}; ${n(alloc!.villages)} villages, ${n(alloc!.seats)} seats`,
  );

  // 2. every village proposes its workers by NIK
  const nikRows = await queryRows<{ village_code: string; nik: string }>(
    database.db,
    sql`SELECT village_code, nik FROM worker WHERE village_code LIKE ${`${PROVINCE}.%`}
      ORDER BY village_code, nik`,
  );
  const niksOf = new Map<string, string[]>();
  for (const r of nikRows) {
    const list = niksOf.get(r.village_code) ?? [];
    list.push(r.nik);
    niksOf.set(r.village_code, list);
  }
  takeQueryProfile();
  const proposeCalls: number[] = [];
  const reasons = new Map<string, number>();
  let proposed = 0;
  let enrolled = 0;
  let refused = 0;
  let quotaFull = 0;
  const t2 = performance.now();
  let windowStart = t2;
  let windowProposed = 0;
  for (const [i, v] of villages.entries()) {
    const niks = niksOf.get(v.code) ?? [];
    if (niks.length === 0) continue;
    const operator = ctxOf(database, user('village_operator', [v.code], `op.${v.code}`));
    const tc = performance.now();
    const r = await proposeEnrollments(operator, created.id, { niks });
    proposeCalls.push(performance.now() - tc);
    proposed += niks.length;
    windowProposed += niks.length;
    enrolled += r.enrolled;
    refused += r.refused;
    for (const res of r.results) {
      if (res.status !== 'refused') continue;
      const first = res.reasons?.[0] ?? '(no reason)';
      if (first.startsWith('Kuota desa')) quotaFull += 1;
      const kind = reasonKind(first);
      reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
    }
    if ((i + 1) % 250 === 0 || i === villages.length - 1) {
      const now = performance.now();
      say(
        `  proposed: ${n(i + 1)} / ${n(villages.length)} villages · ${s(now - t2)} · last ${n(Math.round(windowProposed / ((now - windowStart) / 1000)))} NIK/s · enrolled ${n(enrolled)}, refused ${n(refused)}`,
      );
      windowStart = now;
      windowProposed = 0;
    }
  }
  const proposeMs = performance.now() - t2;
  const proposeProfile = takeQueryProfile();

  // 3. verification (with a district step) and approval, by the offices of each area
  let verifyMs = 0;
  let verifyCalls: number[] = [];
  let verifyProfile: StatementStats[] = [];
  if (DISTRICT_STEP) {
    const byDistrict = await idsBy(database, created.id, 'proposed', 8);
    const v = await stepInBatches(
      database,
      'verified',
      [...byDistrict].map(([code, ids]) => ({
        actor: user('district_officer', [code], `kec.${code}`),
        ids,
      })),
      verifyEnrollments,
    );
    verifyMs = v.ms;
    verifyCalls = v.calls;
    verifyProfile = v.profile;
  }
  const byRegency = await idsBy(database, created.id, DISTRICT_STEP ? 'verified' : 'proposed', 5);
  const a = await stepInBatches(
    database,
    'approved',
    [...byRegency].map(([code, ids]) => ({
      actor: user('regency_admin', [code], `kab.${code}`),
      ids,
    })),
    approveEnrollments,
  );
  if (a.done !== enrolled) throw new Error(`approved ${a.done}, enrolled ${enrolled}`);
  const approveProfile = mergeProfiles(verifyProfile, a.profile);

  // 4. the physical reference: the same rows, one statement, into a fresh program a year later
  const fresh = await createProgram(province, programInput(2028));
  await database.db.execute(sql`ANALYZE enrollment`);
  t = performance.now();
  const inserted = await queryRows<{ n: number }>(
    database.db,
    sql`WITH ins AS (
        INSERT INTO enrollment (program_id, worker_id, village_code, status, first_month, last_month, proposed_by, proposed_by_id)
        SELECT ${fresh.id}, worker_id, village_code, 'approved', '2028-01-01', '2028-12-01', proposed_by, proposed_by_id
        FROM enrollment WHERE program_id = ${created.id} AND status = 'approved'
        RETURNING 1)
      SELECT count(*)::int AS n FROM ins`,
  );
  const referenceMs = performance.now() - t;
  const referenceRows = Number(inserted[0]!.n);
  if (referenceRows !== enrolled) throw new Error(`INSERT … SELECT wrote ${referenceRows}`);
  say(`  INSERT … SELECT of ${n(referenceRows)} rows: ${s(referenceMs)}`);

  return {
    villages: villages.length,
    allVillages: all.length,
    regencies: byRegency.size,
    workers,
    seedMs,
    createMs,
    activateMs,
    allocations: alloc!.villages,
    seats: alloc!.seats,
    proposeMs,
    proposeCalls,
    proposed,
    enrolled,
    refused,
    quotaFull,
    reasons,
    verifyMs,
    verifyCalls,
    approveMs: a.ms,
    approveCalls: a.calls,
    approved: a.done,
    referenceMs,
    referenceRows,
    profile: { propose: proposeProfile, approve: approveProfile },
  };
}

const outcomes: [string, Outcome][] = [];
try {
  if (!only || only === 'postgresql') {
    installQueryProfile();
    const probe = await probeServer(PG_URL);
    if (!probe.ok) say(`PostgreSQL not reachable (${probe.reason}); skipped`);
    else {
      const scratch = scratchDatabase(PG_URL, `jaring_bench_enroll_${process.pid}`);
      await scratch.recreate();
      const database = await openDatabase({ kind: 'postgresql', url: scratch.url });
      outcomes.push([
        `PostgreSQL ${probe.version}`,
        await run(`PostgreSQL ${probe.version}`, database),
      ]);
      await database.close();
      await scratch.drop();
    }
  }
  if (!only || only === 'pglite') {
    // on disk, as the server keeps it
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(tmp, 'pglite') });
    profilePglite(database.pglite!);
    const label = `PGlite ${packageVersion('@electric-sql/pglite')}, on disk`;
    outcomes.push([label, await run(label, database)]);
    await database.close();
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

const rate = (rows: number, ms: number) => n(Math.round(rows / (ms / 1000)));
const table = markdownTable(
  [
    'database',
    'villages · workers',
    '1. program: create / activate (villages, seats)',
    '2. proposals (one call per village)',
    'NIKs/s',
    'enrolled / refused (ineligible · quota full)',
    DISTRICT_STEP ? '3. verify + approve (500 ids a call)' : '3. approve (500 ids a call)',
    '2 + 3',
    '4. `INSERT … SELECT` (same rows)',
    '(2 + 3) ÷ 4',
  ],
  outcomes.map(([label, o]) => {
    const steps = o.proposeMs + o.verifyMs + o.approveMs;
    return [
      label,
      `${n(o.villages)}${o.villages < o.allVillages ? ` of ${n(o.allVillages)}` : ''} · ${n(o.workers)}`,
      `${s(o.createMs)} / ${s(o.activateMs)} (${n(o.allocations)}, ${n(o.seats)})`,
      `${s(o.proposeMs)} (call p50 ${percentile(o.proposeCalls, 50).toFixed(0)} ms, p95 ${percentile(o.proposeCalls, 95).toFixed(0)} ms)`,
      rate(o.proposed, o.proposeMs),
      `${n(o.enrolled)} / ${n(o.refused)} (${n(o.refused - o.quotaFull)} · ${n(o.quotaFull)})`,
      `${DISTRICT_STEP ? `${s(o.verifyMs)} + ` : ''}${s(o.approveMs)} (${rate(o.approved, o.approveMs)}/s; call p50 ${percentile(o.approveCalls, 50).toFixed(0)} ms)`,
      s(steps),
      `${s(o.referenceMs)} (${rate(o.referenceRows, o.referenceMs)}/s)`,
      `${(steps / o.referenceMs).toFixed(0)}×`,
    ];
  }),
);
process.stdout.write(`${table}\n`);
const reasonLines = outcomes
  .map(([label, o]) => {
    const top = [...o.reasons].sort((x, y) => y[1] - x[1]).slice(0, 8);
    return `- Refusals on ${label}: ${top.map(([m, c]) => `${n(c)} × “${m}”`).join('; ')}`;
  })
  .join('\n');
/** "DB 1,234 s in 812,000 statements (INSERT INTO audit_log 40 %, …); JavaScript & rest 300 s". */
function profileLine(what: string, wallMs: number, stats: StatementStats[]): string {
  const db = stats.reduce((sum, x) => sum + x.ms, 0);
  const count = stats.reduce((sum, x) => sum + x.count, 0);
  const top = stats
    .slice(0, 8)
    .map((x) => `${x.kind} ${n(x.count)}× ${s(x.ms)}`)
    .join(', ');
  return `${what} ${s(wallMs)}: statements ${s(db)} (${n(count)}; ${top}); JavaScript and the rest ${s(wallMs - db)}`;
}
const profileLines = outcomes
  .map(
    ([label, o]) =>
      `- Where the time goes on ${label} (each statement timed from send to answer${label.startsWith('PGlite') ? '; BEGIN/COMMIT not seen' : ''}): ${profileLine('proposals', o.proposeMs, o.profile.propose)}. ${profileLine(DISTRICT_STEP ? 'verification + approval' : 'approval', o.verifyMs + o.approveMs, o.profile.approve)}.`,
  )
  .join('\n');
process.stderr.write(`${reasonLines}\n${profileLines}\n`);
if (args.flags.has('record')) {
  const env = describeEnvironment();
  const o = outcomes[0]?.[1];
  const cmd = ['npm run bench -- enroll', ...process.argv.slice(2).filter((a) => a !== '--record')]
    .join(' ')
    .trim();
  appendSection(
    path.join(ROOT, 'docs/PERFORMANCE.md'),
    `### ${env.date} — enrollment (\`${cmd}\`)

- Machine: \`${env.uname}\`, ${env.cpu}, ${env.cores} cores, ${env.memory}; Node ${env.node}
- ${o && o.villages < o.allVillages ? `**Partial run: the first ${n(o.villages)} of the ${n(o.allVillages)} villages of Jawa Tengah** (the program still allocates seats to all of them).` : `All ${n(o?.allVillages ?? 0)} villages of Jawa Tengah (region 33, every kind).`} ${WORKERS_PER_VILLAGE} demo workers per village on average (50–250 each, \`seedDemoWorkers\`' generator), ${SEATS} seats per village, months 2027-01…2027-12.
- 1: \`createProgram\` + \`activateProgram\` as the province admin (per-village seats derived at both). 2: one \`proposeEnrollments\` call per village with all its NIKs, as that village's operator. 3: ${DISTRICT_STEP ? '`verifyEnrollments` by each district officer, then ' : 'program without the district step: '}\`approveEnrollments\` by each regency admin, ${BATCH} ids a call (ids read beforehand, not timed). 4: one \`INSERT INTO enrollment … SELECT\` of the same approved rows into a fresh program for 2028 in the same table (same indexes, foreign keys and no-double-funding exclusion constraint; no audit, no rules). Set-up (register, workers) not timed.

${table}

${reasonLines}
${profileLines}
`,
  );
}
