import { isUniqueViolation } from '../../db/sql-state.ts';
import fs from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx, Log } from '../../context.ts';
import { actorName, systemActor, type Actor } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { workerImport, type ImportCounts } from '../../db/schema/imports.ts';
import { DomainError } from '../../errors.ts';
import { normaliseRegionCode, regionLevelOf } from '../../rules/region-code.ts';
import { findUserById } from '../accounts/accounts.repository.ts';
import { toActor } from '../accounts/to-actor.ts';
import { emptyCounts, processChunk, type ChunkState } from './import-chunk.ts';
import {
  deleteImportFile,
  readImportFile,
  storeImportFile,
  type OnPiece,
} from './import-file-store.ts';
import {
  findImport,
  insertImport,
  insertNotWritten,
  type ImportRow,
} from './imports.repository.ts';
import { loadImport } from './get-import.ts';
import { mapColumns, mapRow } from './map-worker-row.ts';
import { readWorkerFile, type FileRow } from './read-worker-file.ts';
import { normaliseNik } from '../../rules/nik.ts';

/** Rows per transaction: large enough for set-based statements, small enough to resume cheaply. */
export const CHUNK_ROWS = 2000;
/** Rows written by one job from which the worker table's statistics are refreshed at its end. */
export const ANALYZE_AFTER = 10_000;
/** A running job whose server has not spoken for this long is taken as interrupted. */
export const STALE_AFTER_SECONDS = 60;

/** Why an upload that was being stored is not run (its job is cancelled, its pieces deleted). */
export const UPLOAD_LOST =
  'Penyimpanan berkas di server terputus sebelum selesai (server berhenti). Unggah berkasnya lagi.';
const UPLOAD_FAILED = 'Berkas tidak dapat disimpan lengkap di server. Unggah berkasnya lagi.';

/**
 * Accepts a file for import: checks the header (a NIK column), records the job, keeps the file in
 * the database and queues the job. Nothing of the rows is read yet: a runner does that in the
 * background (import-runner.ts), chunk by chunk.
 *
 * The job is written first as `uploading` (seen in the list, not claimed by a runner), the file
 * then stored piece by piece in short transactions (import-file-store.ts), and only then is the
 * job `queued`, with its audit record, in one transaction: the database is never held for the
 * whole file. A job cancelled while its file was stored is answered as it is (`cancelled`); one
 * whose storing failed is cancelled with the reason and its pieces deleted.
 */
export async function queueImport(
  ctx: Ctx,
  file: { path: string; fileName: string },
  opts: {
    mode: 'preview' | 'commit';
    villageCode?: string | undefined;
    /** Hears each stored piece, after its transaction (tests: what other requests see meanwhile). */
    onPiece?: OnPiece;
  },
): Promise<ImportRow> {
  requirePermission(ctx.actor, 'workers.create');
  const village = defaultVillage(ctx, opts.villageCode);
  const stream = fs.createReadStream(file.path);
  let headers: string[];
  let format: 'xlsx' | 'csv';
  try {
    ({ headers, format } = await readWorkerFile(stream, file.fileName));
  } finally {
    // only the header was wanted: stop reading (the parsers see a closed stream, said nothing of)
    stream.on('error', () => undefined);
    stream.destroy();
  }
  const map = mapColumns(headers);
  if (map.columns.nik === undefined) {
    throw new DomainError(
      'VALIDATION',
      'Kolom NIK tidak ditemukan. Baris pertama berkas harus berisi judul kolom, salah satunya "nik".',
    );
  }
  const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : [];
  const record = await insertImport(ctx.db, {
    createdBy: actorName(ctx.actor),
    createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    fileName: file.fileName,
    format,
    layout: map.layout,
    mode: opts.mode,
    status: 'uploading',
    villageCode: village ?? null,
    scopeCodes: scope,
    headers,
    counts: emptyCounts(),
    bytesTotal: fs.statSync(file.path).size,
  });
  let size: number | undefined;
  try {
    size = await storeImportFile(ctx.db, record.id, file.path, opts.onPiece);
  } catch (e) {
    await dropUpload(ctx.db, record.id, UPLOAD_FAILED).catch((err: unknown) =>
      ctx.log.error({ err, importId: record.id }, 'unggahan yang gagal tidak dapat dibersihkan'),
    );
    throw e;
  }
  return ctx.db.transaction(async (tx) => {
    const [queued] =
      size === undefined
        ? []
        : await tx
            .update(workerImport)
            .set({ status: 'queued', bytesDone: 0, heartbeatAt: null })
            .where(and(eq(workerImport.id, record.id), eq(workerImport.status, 'uploading')))
            .returning();
    // cancelled (or cleaned up) while the file was stored: nothing to queue
    if (!queued) return (await findImport(tx, record.id)) ?? record;
    await recordAudit(tx, ctx, {
      action: 'imports.queue',
      entity: 'worker_import',
      entityId: record.id,
      regionCode: village ?? scope[0] ?? null,
      after: { fileName: file.fileName, layout: map.layout, mode: opts.mode },
    });
    return queued;
  });
}

/** An upload that will not be run: cancelled with the reason, its stored pieces deleted. */
async function dropUpload(db: Db, id: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [dropped] = await tx
      .update(workerImport)
      .set({ status: 'cancelled', error: reason, lockedBy: null, finishedAt: sql`now()` })
      .where(and(eq(workerImport.id, id), eq(workerImport.status, 'uploading')))
      .returning({ id: workerImport.id });
    if (dropped) await deleteImportFile(tx, id);
  });
}

/**
 * Uploads whose storing went silent (the server stopped, or lost its database, mid-file) are not
 * run: cancelled with a reason the user reads, their pieces deleted, in one statement. `all` (a
 * single-process embedded database starting up) takes every one: no request is storing yet.
 */
export async function dropStaleUploads(db: Db, all = false): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`WITH lost AS (
      UPDATE worker_import SET status = 'cancelled', error = ${UPLOAD_LOST}, locked_by = NULL,
        finished_at = now()
      WHERE status = 'uploading'
        AND (${all} OR coalesce(heartbeat_at, created_at)
          < now() - make_interval(secs => ${STALE_AFTER_SECONDS}))
      RETURNING id),
    pieces AS (DELETE FROM worker_import_file WHERE import_id IN (SELECT id FROM lost))
    SELECT count(*)::int AS n FROM lost`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Asks a running import to stop after its current chunk; a queued one stops at once, and so does
 * one whose file is being stored (its pieces are deleted, the rest is not stored).
 */
export async function cancelImport(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx.actor, 'workers.create');
  const row = await loadImport(ctx, id);
  if (!['uploading', 'queued', 'running', 'interrupted'].includes(row.status)) {
    throw new DomainError('CONFLICT', 'Impor ini sudah selesai: tidak ada yang dapat dibatalkan.');
  }
  await ctx.db.transaction(async (tx) => {
    const immediate = row.status !== 'running';
    const [changed] = await tx
      .update(workerImport)
      .set(
        immediate
          ? { status: 'cancelled', cancelRequested: true, finishedAt: sql`now()` }
          : { cancelRequested: true },
      )
      // as it was read: a job that moved on meanwhile (its file stored, claimed, finished) is
      // not cancelled on the strength of its old state
      .where(and(eq(workerImport.id, id), eq(workerImport.status, row.status)))
      .returning({ id: workerImport.id });
    if (!changed) {
      throw new DomainError(
        'CONFLICT',
        'Keadaan impor ini baru saja berubah. Muat ulang halaman, lalu batalkan lagi bila perlu.',
        { status: row.status },
      );
    }
    if (immediate) await deleteImportFile(tx, id);
    await recordAudit(tx, ctx, {
      action: 'imports.cancel',
      entity: 'worker_import',
      entityId: id,
      regionCode: row.villageCode ?? row.scopeCodes[0] ?? null,
      before: { status: row.status, linesDone: row.linesDone },
    });
  });
}

/** An interrupted (or failed) import goes back to the queue and continues after its last chunk. */
export async function resumeImport(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx.actor, 'workers.create');
  const row = await loadImport(ctx, id);
  if (row.status !== 'interrupted' && row.status !== 'failed') {
    throw new DomainError(
      'CONFLICT',
      'Hanya impor yang terhenti atau gagal yang dapat dilanjutkan.',
      { status: row.status },
    );
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(workerImport)
      .set({ status: 'queued', lockedBy: null, error: null, finishedAt: null })
      .where(eq(workerImport.id, id));
    await recordAudit(tx, ctx, {
      action: 'imports.resume',
      entity: 'worker_import',
      entityId: id,
      regionCode: row.villageCode ?? row.scopeCodes[0] ?? null,
      before: { status: row.status, linesDone: row.linesDone },
    });
  });
}

/** Takes the oldest queued job for this instance (FOR UPDATE SKIP LOCKED: one runner per job). */
export async function claimImport(db: Db, instance: string): Promise<ImportRow | undefined> {
  const result = await db.execute(sql`
    UPDATE worker_import SET status = 'running', locked_by = ${instance}, heartbeat_at = now(),
      started_at = coalesce(started_at, now())
    WHERE id = (
      SELECT id FROM worker_import WHERE status = 'queued'
      ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id`);
  const id = (result as { rows: { id: string }[] }).rows[0]?.id;
  if (!id) return undefined;
  const [row] = await db.select().from(workerImport).where(eq(workerImport.id, id));
  return row;
}

/**
 * Jobs whose runner went silent (the server was killed or lost its database) are marked
 * interrupted: their counts are exact to the last committed chunk, and they can be resumed.
 * `all` (a single-process embedded database starting up) takes every running job.
 */
export async function markStaleImports(db: Db, all = false): Promise<number> {
  const result = await db.execute(sql`
    UPDATE worker_import SET status = 'interrupted', locked_by = NULL
    WHERE status = 'running'
      AND (${all} OR heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS}))
    RETURNING id`);
  return (result as { rows: unknown[] }).rows.length;
}

export class LeaseLost extends Error {}

/**
 * Runs a claimed job to its end: reads the stored file as a stream, skips what earlier runs
 * committed, and commits each chunk of rows in one transaction together with the job's counts and
 * position — so a kill leaves whole chunks only and the counts always match what was written.
 */
export async function runImport(
  db: Db,
  log: Log,
  job: ImportRow,
  instance: string,
  opts: {
    now?: () => Date;
    signal?: AbortSignal;
    chunkRows?: number;
    /** Hears each committed chunk (the last line and the counts so far). */
    onChunk?: (linesDone: number, counts: ImportCounts) => void;
    /** Filled with the milliseconds spent per phase of the chunks (the benchmark's breakdown). */
    timings?: Record<'rules' | 'reads' | 'writes', number>;
  } = {},
): Promise<ImportRow['status']> {
  const now = opts.now ?? (() => new Date());
  let actor: Actor;
  if (job.createdById) {
    const user = await findUserById(db, job.createdById);
    if (!user || !user.active) {
      await finish(
        db,
        job.id,
        'failed',
        job.counts,
        'Pengguna yang memulai impor ini tidak aktif lagi.',
      );
      return 'failed';
    }
    actor = toActor(user);
  } else {
    actor = systemActor();
  }
  const ctx: Ctx = { db, actor, now, log, requestId: `import:${job.id}` };
  const counts: ImportCounts = { ...job.counts };
  let bytes = 0;
  try {
    const { rows } = await readWorkerFile(
      readImportFile(db, job.id, (n) => (bytes += n)),
      job.fileName,
    );
    const state: ChunkState = {
      map: mapColumns(job.headers),
      village: job.villageCode ?? undefined,
      seen: new Map(),
      ...(opts.timings ? { timings: opts.timings } : {}),
    };
    let chunk: FileRow[] = [];
    const commitChunk = async (): Promise<boolean> => {
      const rowsOfChunk = chunk;
      chunk = [];
      const lastLine = rowsOfChunk.at(-1)?.line ?? job.linesDone;
      const attempt = () =>
        db.transaction(async (tx) => {
          const result = await processChunk(ctx, tx, state, rowsOfChunk, job.mode === 'commit');
          await insertNotWritten(tx, job.id, result.notWritten);
          const next = { ...counts };
          for (const k of Object.keys(next) as (keyof ImportCounts)[]) next[k] += result.counts[k];
          const [updated] = await tx
            .update(workerImport)
            .set({ counts: next, linesDone: lastLine, bytesDone: bytes, heartbeatAt: sql`now()` })
            .where(and(eq(workerImport.id, job.id), eq(workerImport.lockedBy, instance)))
            .returning({ cancel: workerImport.cancelRequested });
          if (!updated) throw new LeaseLost();
          return { cancel: updated.cancel, next };
        });
      const known = state.seen.size;
      let outcome: { cancel: boolean; next: ImportCounts };
      try {
        outcome = await attempt();
      } catch (e) {
        // A NIK registered by someone else meanwhile (a form, another import) breaks the unique
        // key: the chunk rolled back whole; forget its NIKs and run it once more against the
        // database as it now is.
        if (!isUniqueViolation(e)) throw e;
        forgetAfter(state.seen, known);
        outcome = await attempt();
      }
      Object.assign(counts, outcome.next);
      const cancel = outcome.cancel;
      // the embedded database runs on this thread: let waiting requests in between chunks
      await new Promise((resolve) => setImmediate(resolve));
      opts.onChunk?.(lastLine, counts);
      return cancel;
    };
    for await (const row of rows) {
      if (opts.signal?.aborted) {
        await db
          .update(workerImport)
          .set({ status: 'interrupted', lockedBy: null })
          .where(and(eq(workerImport.id, job.id), eq(workerImport.lockedBy, instance)));
        return 'interrupted';
      }
      if (row.line <= job.linesDone) {
        remember(state, row);
        continue;
      }
      chunk.push(row);
      if (chunk.length >= (opts.chunkRows ?? CHUNK_ROWS) && (await commitChunk())) {
        await finish(db, job.id, 'cancelled', counts, null, ctx);
        return 'cancelled';
      }
    }
    if (chunk.length > 0 && (await commitChunk())) {
      await finish(db, job.id, 'cancelled', counts, null, ctx);
      return 'cancelled';
    }
    await finish(db, job.id, 'done', counts, null, ctx);
    // the planner's statistics: a large load changes the table (measured: an unanalysed million
    // rows made the duplicate review 6× slower on the embedded database, which never auto-analyses)
    if (job.mode === 'commit' && counts.created + counts.updated >= ANALYZE_AFTER)
      await db.execute(sql`ANALYZE worker`);
    return 'done';
  } catch (e) {
    if (e instanceof LeaseLost) {
      log.warn({ importId: job.id }, 'impor diambil alih proses lain');
      return 'interrupted';
    }
    log.error({ err: e, importId: job.id }, 'impor gagal');
    await finish(db, job.id, 'failed', counts, e instanceof Error ? e.message : String(e));
    return 'failed';
  }
}

/** Drops what a rolled-back chunk added to the NIK memory (a Map keeps insertion order). */
function forgetAfter(seen: Map<string, number>, size: number): void {
  let i = 0;
  for (const nik of [...seen.keys()]) if (i++ >= size) seen.delete(nik);
}

/** Rows committed by an earlier run still fill the NIK memory (a later duplicate stays refused). */
function remember(state: ChunkState, row: FileRow): void {
  const m = mapRow(state.map, row.cells);
  if (m.kind !== 'input' || !m.fields.nik) return;
  const nik = normaliseNik(m.fields.nik);
  if (!state.seen.has(nik)) state.seen.set(nik, row.line);
}

async function finish(
  db: Db,
  id: string,
  status: 'done' | 'failed' | 'cancelled',
  counts: ImportCounts,
  error: string | null,
  ctx?: Ctx,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(workerImport)
      .set({ status, counts, error, lockedBy: null, finishedAt: sql`now()` })
      .where(eq(workerImport.id, id))
      .returning();
    // a failed job keeps its file, to be resumed once the cause is fixed; a finished preview
    // keeps it to be saved later without the file chosen again (commit-preview.ts), for
    // PREVIEW_FILE_DAYS at most (the runner deletes older ones)
    const keep = status === 'failed' || (status === 'done' && row?.mode === 'preview');
    if (!keep) await deleteImportFile(tx, id);
    if (ctx && row) {
      await recordAudit(tx, ctx, {
        action:
          status === 'cancelled'
            ? 'imports.cancelled'
            : row.mode === 'commit'
              ? 'imports.commit'
              : 'imports.preview',
        entity: 'worker_import',
        entityId: id,
        regionCode: row.villageCode ?? row.scopeCodes[0] ?? null,
        after: { fileName: row.fileName, layout: row.layout, counts, linesDone: row.linesDone },
      });
    }
  });
}

function defaultVillage(ctx: Ctx, given: string | undefined): string | undefined {
  if (given) {
    const code = normaliseRegionCode(given);
    if (!code || regionLevelOf(code) !== 'village') {
      throw new DomainError(
        'VALIDATION',
        `Kode desa "${given}" tidak valid: gunakan kode desa/kelurahan, mis. 15.08.01.2001.`,
      );
    }
    return code;
  }
  const own = ctx.actor.kind === 'user' ? ctx.actor.scope[0] : undefined;
  return own && regionLevelOf(own) === 'village' ? own : undefined;
}
