import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Log } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { claimImport, dropStaleUploads, markStaleImports, runImport } from './import-job.ts';
import { purgeExpiredPreviewFiles } from './preview-file.ts';

/** Rows per chunk on the embedded database (see runImport's chunkRows). */
export const EMBEDDED_CHUNK_ROWS = 250;
/** How often a runner looking for work also deletes the files of old unsaved previews. */
export const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs queued imports in the background, one at a time per server process. Several processes on
 * one PostgreSQL share the queue (each job is claimed with FOR UPDATE SKIP LOCKED); a job whose
 * process died is found by its silent heartbeat and marked interrupted, ready to resume.
 */
export class ImportRunner {
  readonly instance = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly abort = new AbortController();
  private lastPurge = 0;

  constructor(
    private readonly db: Db,
    private readonly log: Log,
    private readonly opts: { embedded: boolean; pollMs?: number },
  ) {}

  /**
   * On an embedded database this process is the only one: what was running was cut off, and so
   * was any file being stored.
   */
  async start(): Promise<void> {
    const stale = await markStaleImports(this.db, this.opts.embedded);
    if (stale > 0) this.log.warn({ stale }, 'impor yang terhenti ditandai "terhenti"');
    await this.dropStaleUploads(this.opts.embedded);
    this.timer = setInterval(() => this.nudge(), this.opts.pollMs ?? 2000);
    this.timer.unref();
    this.nudge();
  }

  /** Looks for queued work now (a new upload) rather than at the next poll. */
  nudge(): void {
    if (this.abort.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.log.error({ err }, 'pelaksana impor gagal'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  private async drain(): Promise<void> {
    await markStaleImports(this.db);
    await this.dropStaleUploads(false);
    await this.purge();
    for (;;) {
      if (this.abort.signal.aborted) return;
      const job = await claimImport(this.db, this.instance);
      if (!job) return;
      this.log.info({ importId: job.id, fileName: job.fileName }, 'impor dimulai');
      const status = await runImport(this.db, this.log, job, this.instance, {
        signal: this.abort.signal,
        // PGlite executes each statement on the server's own thread: smaller chunks keep pages
        // answering while a large file is imported (PostgreSQL works in its own processes)
        ...(this.opts.embedded ? { chunkRows: EMBEDDED_CHUNK_ROWS } : {}),
      });
      this.log.info({ importId: job.id, status }, 'impor berakhir');
    }
  }

  /** Uploads whose storing went silent are not run: cancelled, their pieces deleted. */
  private async dropStaleUploads(all: boolean): Promise<void> {
    const dropped = await dropStaleUploads(this.db, all);
    if (dropped > 0) this.log.warn({ dropped }, 'unggahan yang terputus dibatalkan');
  }

  /** At start-up, then at most once per PURGE_EVERY_MS: old previews' files (PREVIEW_FILE_DAYS). */
  private async purge(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    const cleared = await purgeExpiredPreviewFiles(this.db);
    if (cleared > 0) this.log.info({ cleared }, 'berkas pratinjau lama dihapus');
  }

  /** Stops after the current chunk; a job cut short is marked interrupted (resumable). */
  async stop(): Promise<void> {
    this.abort.abort();
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
