import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import type { ImportRow } from './imports.repository.ts';

/**
 * Days a finished preview keeps its file, to be saved later without choosing the file again.
 * A million-worker file is about 175 MB in the database: kept a working week, not for ever.
 */
export const PREVIEW_FILE_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment before which a preview's kept file counts as gone. */
function cutoff(now: Date): Date {
  return new Date(now.getTime() - PREVIEW_FILE_DAYS * DAY_MS);
}

/**
 * Until when a preview can be saved from its kept file, or null: not a finished preview, already
 * saved, or its file gone (deleted, or older than the limit even if not yet deleted — so what is
 * offered does not depend on when the runner last cleaned up).
 */
export function previewFileKeptUntil(row: ImportRow, hasFile: boolean, now: Date): Date | null {
  if (row.mode !== 'preview' || row.status !== 'done' || row.commitId || !row.finishedAt) {
    return null;
  }
  if (!hasFile || row.finishedAt < cutoff(now)) return null;
  return new Date(row.finishedAt.getTime() + PREVIEW_FILE_DAYS * DAY_MS);
}

/** Whether a finished preview may still have a kept file (worth asking the database). */
export function mayKeepFile(row: ImportRow): boolean {
  return row.mode === 'preview' && row.status === 'done' && !row.commitId;
}

/**
 * Deletes the files of previews finished more than PREVIEW_FILE_DAYS ago and never saved. A
 * preview being saved at this moment holds its row FOR UPDATE and is skipped (its pieces are
 * moving to the commit job); the next clean-up finds nothing of it. Returns the previews cleared.
 */
export async function purgeExpiredPreviewFiles(db: Db, now = new Date()): Promise<number> {
  const rows = await queryRows<{ import_id: string }>(
    db,
    sql`DELETE FROM worker_import_file WHERE import_id IN (
      SELECT id FROM worker_import
      WHERE mode = 'preview' AND status = 'done' AND commit_id IS NULL
        AND finished_at < ${cutoff(now).toISOString()}::timestamptz
      FOR UPDATE SKIP LOCKED)
    RETURNING import_id`,
  );
  return new Set(rows.map((r) => r.import_id)).size;
}
