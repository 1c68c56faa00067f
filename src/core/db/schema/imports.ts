import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  warned: number;
  rejected: number;
  skipped: number;
}

/** One upload of a worker file: a preview (nothing written) or a commit. */
export const workerImport = pgTable('worker_import', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdBy: text('created_by').notNull(),
  createdById: uuid('created_by_id'),
  fileName: text('file_name').notNull(),
  format: text('format', { enum: ['xlsx', 'csv'] }).notNull(),
  layout: text('layout', { enum: ['jaring', 'opensid', 'minimal'] }).notNull(),
  mode: text('mode', { enum: ['preview', 'commit'] }).notNull(),
  /**
   * uploading → queued → running → done | failed | cancelled; `interrupted` when the server
   * stopped mid-run (the job resumes from `lines_done`, each chunk having been committed whole with
   * its counts). `uploading`: the file is being stored, piece by piece, each in its own short
   * transaction (the embedded database serves other requests in between); the runner does not
   * claim it, and one whose storing went silent is cancelled with its pieces deleted.
   */
  status: text('status', {
    enum: ['uploading', 'queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'],
  }).notNull(),
  /** The village given in the form, for files without a village column (OpenSID). */
  villageCode: text('village_code'),
  /** The actor's scope at the time: who may see this import. */
  scopeCodes: text('scope_codes').array().notNull(),
  headers: jsonb('headers').$type<string[]>().notNull(),
  counts: jsonb('counts').$type<ImportCounts>().notNull(),
  error: text('error'),
  /** The last line of the file whose chunk is committed: a resumed job starts after it. */
  linesDone: integer('lines_done').notNull().default(0),
  /** Progress: bytes of the file read so far (while `uploading`: stored so far), of its size. */
  bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
  bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
  cancelRequested: boolean('cancel_requested').notNull().default(false),
  /**
   * Which server process runs the job, and when it last said so (a stale lease is taken over);
   * while `uploading`, `heartbeat_at` is the time of the last piece stored.
   */
  lockedBy: text('locked_by'),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  startedAt: timestamp('started_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /**
   * Of a preview saved later from its kept file: the commit job it became (its file moved there),
   * so that it is saved once and the two can be linked.
   */
  commitId: uuid('commit_id').references((): AnyPgColumn => workerImport.id),
});

/** Rows not written, with their reason and their cells as in the file (to fix and upload again). */
export const workerImportRow = pgTable(
  'worker_import_row',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => workerImport.id),
    line: integer('line').notNull(),
    outcome: text('outcome', { enum: ['rejected', 'skipped'] }).notNull(),
    reason: text('reason').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
  },
  (t) => [index('worker_import_row_idx').on(t.importId, t.outcome, t.line)],
);

/**
 * The uploaded file of a background import, in 1 MiB pieces, so that any server instance can run
 * (or resume) the job. Deleted when the job ends, except a finished preview's: kept (at most
 * PREVIEW_FILE_DAYS) to be saved later, when the pieces move to the commit job.
 */
export const workerImportFile = pgTable(
  'worker_import_file',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => workerImport.id),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);
