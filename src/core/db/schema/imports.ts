import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
  /** The village given in the form, for files without a village column (OpenSID). */
  villageCode: text('village_code'),
  /** The actor's scope at the time: who may see this import. */
  scopeCodes: text('scope_codes').array().notNull(),
  headers: jsonb('headers').$type<string[]>().notNull(),
  counts: jsonb('counts').$type<ImportCounts>().notNull(),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
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
