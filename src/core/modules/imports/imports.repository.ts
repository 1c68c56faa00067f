import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workerImport, workerImportRow, type ImportCounts } from '../../db/schema/imports.ts';
import { isUuid } from '../../db/uuid.ts';

export type ImportRow = typeof workerImport.$inferSelect;
export interface NotWrittenRow {
  line: number;
  outcome: 'rejected' | 'skipped';
  reason: string;
  cells: string[];
}

export async function insertImport(
  db: Db,
  row: typeof workerImport.$inferInsert,
): Promise<ImportRow> {
  const [created] = await db.insert(workerImport).values(row).returning();
  return created!;
}

export async function finishImport(
  db: Db,
  id: string,
  set: { status: 'done' | 'failed'; counts: ImportCounts; error?: string },
): Promise<ImportRow> {
  const [row] = await db
    .update(workerImport)
    .set({ ...set, finishedAt: sql`now()` })
    .where(eq(workerImport.id, id))
    .returning();
  return row!;
}

export async function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(workerImport).where(eq(workerImport.id, id));
  return row;
}

export async function insertNotWritten(
  db: Db,
  importId: string,
  rows: NotWrittenRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(workerImportRow).values(rows.map((r) => ({ importId, ...r })));
}

export async function listNotWritten(
  db: Db,
  importId: string,
  outcome?: 'rejected' | 'skipped',
  limit = 100_000,
) {
  return db
    .select()
    .from(workerImportRow)
    .where(
      and(
        eq(workerImportRow.importId, importId),
        outcome ? eq(workerImportRow.outcome, outcome) : undefined,
      ),
    )
    .orderBy(asc(workerImportRow.line))
    .limit(limit);
}
