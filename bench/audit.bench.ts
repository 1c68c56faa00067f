/**
 * The cost of auditing: a use-case that updates N users one by one, each in its own transaction
 * with its audit record (a), beside the identical transactions without the audit record (b), in
 * the same run, on PGlite and on PostgreSQL. What counts is the ratio a / b, since the machine is
 * noisy. Aim: a within 1.3× of b.
 *
 *   npm run bench -- audit [--runs N] [--records N] [--block N] [--record] [--pg-url URL]
 *                          [--only pglite|postgresql] [--check]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import type { Ctx } from '../src/core/context.ts';
import { openDatabase, queryRows, type Database } from '../src/core/db/client.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import { parseArgs, positiveInt, UsageError } from './lib/args.ts';
import {
  auditOnly,
  countAudit,
  countAuditTotal,
  countRenamed,
  renameUser,
  renameUsersBySteps,
  resetUsers,
  seedUsers,
  settleUsers,
  type StepExtra,
  type UpdateSteps,
  addSteps,
} from './lib/audited-update.ts';
import { appendSection, describeEnvironment, packageVersion } from './lib/environment.ts';
import { probeServer, redactUrl, scratchDatabase } from './lib/postgres-server.ts';
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
const AIM_RATIO = 1.3;
const WARM_UP = 300;

type Label = 'PGlite' | 'PostgreSQL';
const STEP_VARIANTS = ['a', 'b', 'c'] as const;
type StepVariant = (typeof STEP_VARIANTS)[number];
const STEP_EXTRA: Record<StepVariant, StepExtra> = { a: 'audit', b: 'none', c: 'select1' };
const STEP_NAME: Record<StepVariant, string> = {
  a: 'with audit (a)',
  b: 'without (b)',
  c: '(b) + `SELECT 1`',
};

interface Result {
  label: Label;
  version: string;
  /** Milliseconds for the N updates, one sample per run. */
  a: number[];
  b: number[];
  /** Audit records each run wrote (checked: N for (a), 0 for (b)). */
  auditRows: { a: number[]; b: number[] };
  /** One run of each with a clock between steps; `c` is (b) plus a no-op `SELECT 1`. */
  steps: Record<StepVariant, UpdateSteps>;
  /** N audit records alone, one per transaction. */
  auditOnly: number;
  /** Rows in audit_log at the end (append-only: every run adds to it). */
  auditLogRows: number;
}

const log = (msg: string) => process.stderr.write(msg + '\n');

function ctxFor(database: Database, actorId: string, requestId: string): Ctx {
  return {
    db: database.db,
    actor: {
      kind: 'user',
      id: actorId,
      username: 'bench',
      displayName: 'Bench',
      role: 'admin',
      scope: [],
    },
    now: () => new Date(),
    log: pino({ level: 'silent' }),
    requestId,
  };
}

async function createActor(d: Database): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    d.db,
    sql`INSERT INTO app_user (username, display_name, password_hash, role, scope_codes)
      VALUES ('bench', 'Bench', 'x', 'admin', '{}') RETURNING id`,
  );
  return row!.id;
}

async function serverVersion(d: Database): Promise<string> {
  const [row] = await queryRows<{ v: string }>(
    d.db,
    sql`SELECT current_setting('server_version') AS v`,
  );
  return row!.v;
}

/** Fresh sets of N users, one per prefix, in a table vacuumed of the earlier runs' rows. */
async function freshUsers(d: Database, actorId: string, prefixes: string[], n: number) {
  await resetUsers(d.db, actorId);
  const sets: string[][] = [];
  for (const prefix of prefixes) sets.push(await seedUsers(d.db, prefix, n));
  await settleUsers(d.db);
  return sets;
}

/**
 * Runs each variant over its own users a block at a time, rotating which goes first from block
 * to block (and, with `shift`, from run to run), and returns each one's summed time. The machine
 * is shared: a slow minute then falls on all variants alike instead of on whichever ran in it.
 */
async function interleaved(
  work: ((ids: string[]) => Promise<void>)[],
  sets: string[][],
  block: number,
  shift: number,
): Promise<number[]> {
  const ms = work.map(() => 0);
  const n = sets[0]!.length;
  for (let j = 0; j * block < n; j++) {
    for (let k = 0; k < work.length; k++) {
      const v = (k + j + shift) % work.length;
      const ids = sets[v]!.slice(j * block, (j + 1) * block);
      const t = await timed(() => work[v]!(ids));
      ms[v] = ms[v]! + t.ms;
    }
  }
  return ms;
}

function renameAll(ctx: Ctx, audit: boolean) {
  return async (ids: string[]) => {
    for (const id of ids) await renameUser(ctx, id, audit);
  };
}

/** One measured run: N updates of each variant, interleaved, then a check of what they wrote. */
async function measuredRun(d: Database, actorId: string, run: number, n: number, block: number) {
  const variants = ['a', 'b'] as const;
  const prefixes = variants.map((v) => `r${run}${v}_`);
  const requestIds = variants.map((v) => `bench-audit-r${run}-${v}`);
  const sets = await freshUsers(d, actorId, prefixes, n);
  const work = variants.map((v, k) => renameAll(ctxFor(d, actorId, requestIds[k]!), v === 'a'));
  const [a, b] = await interleaved(work, sets, block, run - 1);
  const written: number[] = [];
  for (const [k, v] of variants.entries()) {
    const renamed = await countRenamed(d.db, prefixes[k]!);
    if (renamed !== n) throw new Error(`Run ${run} (${v}): ${renamed} of ${n} users updated`);
    const expected = v === 'a' ? n : 0;
    written.push(await countAudit(d.db, requestIds[k]!));
    if (written[k] !== expected)
      throw new Error(`Run ${run} (${v}): ${written[k]} audit records, expected ${expected}`);
  }
  return { a: a!, b: b!, writtenA: written[0]!, writtenB: written[1]! };
}

async function warmUp(d: Database, actorId: string, n: number): Promise<void> {
  const m = Math.min(n, WARM_UP);
  const sets = await freshUsers(d, actorId, ['warma_', 'warmb_'], m);
  const ctx = ctxFor(d, actorId, 'bench-audit-warm');
  await interleaved([renameAll(ctx, true), renameAll(ctx, false)], sets, m, 0);
}

async function measure(
  label: Label,
  d: Database,
  runs: number,
  n: number,
  block: number,
): Promise<Result> {
  await migrateDatabase(d, MIGRATIONS);
  const version = await serverVersion(d);
  const actorId = await createActor(d);
  await warmUp(d, actorId, n);
  const r: Result = {
    label,
    version,
    a: [],
    b: [],
    auditRows: { a: [], b: [] },
    steps: undefined as unknown as Result['steps'],
    auditOnly: 0,
    auditLogRows: 0,
  };
  for (let i = 1; i <= runs; i++) {
    const s = await measuredRun(d, actorId, i, n, block);
    r.a.push(s.a);
    r.b.push(s.b);
    r.auditRows.a.push(s.writtenA);
    r.auditRows.b.push(s.writtenB);
    log(
      `  ${label} run ${i}/${runs} (${i % 2 ? 'a' : 'b'} first): with audit ${fmtSeconds(s.a)}, without ${fmtSeconds(s.b)}, ${fmtRatio(s.a, s.b)}`,
    );
  }
  r.steps = await stepsRun(d, actorId, n, block);
  for (const v of STEP_VARIANTS)
    log(`  ${label} by step, ${STEP_NAME[v]}: ${fmtSteps(r.steps[v])}`);
  r.auditOnly = await auditOnlyRun(d, actorId, n);
  log(`  ${label} audit records alone (one per transaction): ${fmtSeconds(r.auditOnly)}`);
  r.auditLogRows = await countAuditTotal(d.db);
  return r;
}

/** (a), (b) and (b) + `SELECT 1` with a clock between steps, interleaved like the runs. */
async function stepsRun(d: Database, actorId: string, n: number, block: number) {
  const prefixes = STEP_VARIANTS.map((v) => `steps${v}_`);
  const sets = await freshUsers(d, actorId, prefixes, n);
  const steps = {} as Record<StepVariant, UpdateSteps>;
  const work = STEP_VARIANTS.map((v) => {
    const ctx = ctxFor(d, actorId, `bench-audit-steps-${v}`);
    return async (ids: string[]) => {
      steps[v] = addSteps(steps[v], await renameUsersBySteps(ctx, ids, STEP_EXTRA[v]));
    };
  });
  await interleaved(work, sets, block, 0);
  for (const [k, v] of STEP_VARIANTS.entries()) {
    if ((await countRenamed(d.db, prefixes[k]!)) !== n)
      throw new Error(`Steps run (${v}) updated too few users`);
  }
  return steps;
}

async function auditOnlyRun(d: Database, actorId: string, n: number): Promise<number> {
  const [ids] = await freshUsers(d, actorId, ['alone_'], n);
  const requestId = 'bench-audit-alone';
  const t = await timed(() => auditOnly(ctxFor(d, actorId, requestId), ids!));
  const written = await countAudit(d.db, requestId);
  if (written !== n) throw new Error(`Audit records alone: ${written} written, not ${n}`);
  return t.ms;
}

function fmtSteps(s: UpdateSteps): string {
  return `BEGIN ${fmtSeconds(s.begin)}, lock ${fmtSeconds(s.lock)}, update ${fmtSeconds(s.update)}, audit ${fmtSeconds(s.audit)}, COMMIT ${fmtSeconds(s.commit)}, total ${fmtSeconds(s.total)}`;
}

/**
 * The two variants of one run are interleaved, so each run's a/b is a paired measure; the median
 * of those is steadier than the ratio of the medians when the machine's speed drifts between runs.
 */
function pairedRatio(r: Result): number {
  return median(r.a.map((a, i) => a / r.b[i]!));
}

function pairedExtra(r: Result): number {
  return median(r.a.map((a, i) => a - r.b[i]!));
}

function perUpdate(ms: number, n: number): string {
  return `${((ms / n) * 1000).toFixed(0)} µs`;
}

function mainTable(results: Result[], n: number): string {
  return markdownTable(
    [
      'database',
      'with audit (a)',
      'without (b)',
      'a/b (median of runs)',
      'a updates/s',
      'b updates/s',
      'audit cost per update',
      'audit rows per run (a; b)',
    ],
    results.map((r) => {
      const [a, b] = [median(r.a), median(r.b)];
      return [
        `${r.label} ${r.version}`,
        fmtSeconds(a),
        fmtSeconds(b),
        `**${pairedRatio(r).toFixed(2)}×**`,
        fmtRate(n, a),
        fmtRate(n, b),
        perUpdate(pairedExtra(r), n),
        `${r.auditRows.a.join(', ')}; ${r.auditRows.b.join(', ')}`,
      ];
    }),
  );
}

function stepsTable(results: Result[], n: number): string {
  const keys = ['begin', 'lock', 'update', 'audit', 'commit', 'total'] as const;
  const rows: string[][] = [];
  for (const r of results) {
    for (const v of STEP_VARIANTS) {
      const s = r.steps[v];
      rows.push([
        `${r.label}: ${STEP_NAME[v]}`,
        ...keys.map((k) => (v === 'b' && k === 'audit' ? '–' : fmtSeconds(s[k]))),
        perUpdate(s.total, n),
        fmtRatio(s.total, r.steps.b.total),
      ]);
    }
  }
  return markdownTable(
    [
      'database: variant',
      'BEGIN',
      'lock',
      'update',
      'audit INSERT / SELECT 1',
      'COMMIT',
      'total',
      'per update',
      '÷ (b)',
    ],
    rows,
  );
}

function diagnostics(results: Result[], n: number): string {
  return results
    .map((r) => {
      const { a, c } = r.steps;
      const own = a.audit - c.audit;
      return `- ${r.label}: the audit INSERT took ${perUpdate(a.audit, n)} per update inside the transaction; a no-op \`SELECT 1\` in its place ${perUpdate(c.audit, n)} — so ${perUpdate(own, n)} is the insert's own work (a row with two jsonb values, four index entries) and the rest is the cost of one more statement. ${n.toLocaleString('en-US')} audit records alone, one per transaction (BEGIN, INSERT, COMMIT): ${fmtSeconds(r.auditOnly)} (${perUpdate(r.auditOnly, n)} each, ${fmtRate(n, r.auditOnly)}/s).`;
    })
    .join('\n');
}

function details(results: Result[]): string {
  return results
    .map((r) => {
      const pairs = r.a.map((a, i) => fmtRatio(a, r.b[i]!)).join(', ');
      return `- ${r.label}: with audit ${fmtSamples(r.a)}; without ${fmtSamples(r.b)}; a/b per run ${pairs}; ${r.auditLogRows.toLocaleString('en-US')} rows in audit_log at the end`;
    })
    .join('\n');
}

function verdicts(results: Result[]): { text: string; met: boolean } {
  let met = true;
  const lines = results.map((r) => {
    const ratio = pairedRatio(r);
    const ok = ratio <= AIM_RATIO;
    met &&= ok;
    return `- ${r.label}: with audit ${ratio.toFixed(2)}× without — ${ok ? 'within' : '**NOT within**'} ${AIM_RATIO}×`;
  });
  return { text: lines.join('\n'), met };
}

function usage(): never {
  log(
    'Usage: npm run bench -- audit [--runs N] [--records N] [--block N] [--record] [--pg-url URL] [--only pglite|postgresql] [--check]',
  );
  log('  --runs N      runs per variant, median reported (default 3)');
  log('  --records N   users updated per run and variant (default 10000)');
  log('  --block N     updates per block: the variants take turns a block at a time (default 100)');
  log('  --record      append a dated section to docs/PERFORMANCE.md');
  log(`  --pg-url URL  PostgreSQL server (an admin connection; default ${DEFAULT_PG_URL}).`);
  log(
    '                A throw-away database jaring_bench_audit_<pid> is created on it and dropped.',
  );
  log('  --only X      measure only pglite or postgresql');
  log('  --check       exit 1 when the aim is missed');
  process.exit(0);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['runs', 'records', 'block', 'pg-url', 'only']);
  if (args.flags.has('help')) usage();
  const unknown = [...args.flags].filter((f) => !['record', 'check'].includes(f));
  if (unknown.length) throw new UsageError(`Unknown option: --${unknown[0]} (see --help)`);
  const runs = positiveInt(args.values.get('runs'), 3, 'runs');
  const n = positiveInt(args.values.get('records'), 10_000, 'records');
  const block = Math.min(n, positiveInt(args.values.get('block'), 100, 'block'));
  const only = args.values.get('only');
  if (only && only !== 'pglite' && only !== 'postgresql')
    throw new UsageError('--only is pglite or postgresql');
  const pgUrl = args.values.get('pg-url') ?? DEFAULT_PG_URL;
  const plural = runs === 1 ? '' : 's';

  const results: Result[] = [];
  if (only !== 'postgresql') {
    log(`PGlite ${packageVersion('@electric-sql/pglite')} (in memory), ${runs} run${plural}`);
    const d = await openDatabase({ kind: 'pglite' });
    try {
      results.push(await measure('PGlite', d, runs, n, block));
    } finally {
      await d.close();
    }
  }
  let pgNote = '';
  if (only !== 'pglite') {
    const probe = await probeServer(pgUrl);
    if (!probe.ok) {
      pgNote = `PostgreSQL not measured: server at ${redactUrl(pgUrl)} unreachable (${probe.reason}).`;
      log(pgNote);
    } else {
      log(`PostgreSQL ${probe.version} at ${redactUrl(pgUrl)}, ${runs} run${plural}`);
      const scratch = scratchDatabase(pgUrl, `jaring_bench_audit_${process.pid}`);
      try {
        await scratch.recreate();
        const d = await openDatabase({ kind: 'postgresql', url: scratch.url });
        try {
          results.push(await measure('PostgreSQL', d, runs, n, block));
        } finally {
          await d.close();
        }
      } finally {
        // Waits for the pool's connections to leave before DROP DATABASE (postgres-server.ts).
        await scratch.drop();
      }
    }
  }
  if (results.length === 0) throw new Error('Nothing measured.');

  const verdict = verdicts(results);
  const body = [
    `Data: ${n.toLocaleString('en-US')} updates per variant and run, each its own transaction (lock the user, update the user, and for (a) write the audit record). Each run seeds a fresh set of ${n.toLocaleString('en-US')} users per variant (one set-based INSERT) into a table vacuumed of the earlier runs' rows; the variants take turns in blocks of ${block.toLocaleString('en-US')} updates, the one going first alternating from block to block and from run to run. Median of ${runs} run${plural}, after a warm-up of ${Math.min(n, WARM_UP)} updates of each, not timed. Every run checked: all users renamed, ${n.toLocaleString('en-US')} audit records for (a), none for (b).`,
    mainTable(results, n),
    'Where the time goes (one more run of each variant, and of (b) with a no-op `SELECT 1` where (a) writes the audit record: a copy of the use-case with a clock between steps, summed over the N updates):',
    stepsTable(results, n),
    diagnostics(results, n),
    'Samples:',
    details(results),
    `Aim (with audit ≤ ${AIM_RATIO}× without):`,
    verdict.text,
    ...(pgNote ? [pgNote] : []),
  ].join('\n\n');
  process.stdout.write(body + '\n');

  if (args.flags.has('record')) {
    appendSection(DOC, recordHeader(results, runs, n, block) + '\n\n' + body);
    log(`Recorded in ${path.relative(ROOT, DOC)}`);
  }
  if (args.flags.has('check') && !verdict.met) process.exitCode = 1;
}

function recordHeader(results: Result[], runs: number, n: number, block: number): string {
  const env = describeEnvironment();
  const pglite = results.find((r) => r.label === 'PGlite');
  const pg = results.find((r) => r.label === 'PostgreSQL');
  return [
    `### ${env.date} — audit (\`npm run bench -- audit --runs ${runs} --records ${n} --block ${block}\`)`,
    '',
    `- Machine: \`${env.uname}\`, ${env.cpu}, ${env.cores} cores, ${env.memory}`,
    `- Node ${env.node}; PGlite ${packageVersion('@electric-sql/pglite')}${pglite ? ` (PostgreSQL ${pglite.version}, in memory)` : ' (not measured)'}; PostgreSQL server ${pg ? pg.version : 'not measured'}`,
    `- Peak RSS of the benchmark process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  ].join('\n');
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) log(e.message);
  else log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
