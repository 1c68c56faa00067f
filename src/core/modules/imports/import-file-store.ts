import fs from 'node:fs';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workerImport, workerImportFile } from '../../db/schema/imports.ts';

/**
 * Bytes per stored piece. Each piece is one short transaction, which on the embedded database
 * holds every other request meanwhile: 256 KiB takes about 25 ms there, and stores a file faster
 * per megabyte than 1 MiB pieces did (about 100 against 170 ms/MiB, measured on PGlite 0.5).
 * Files stored earlier in 1 MiB pieces read back the same: pieces are read by their number.
 */
export const IMPORT_FILE_PIECE = 256 * 1024;
const PIECE = IMPORT_FILE_PIECE;
const SLICE = 64 * 1024;

/** How far the storing of an upload has come: after each piece's transaction has committed. */
export type OnPiece = (stored: { pieces: number; bytes: number }) => void | Promise<void>;

/**
 * Keeps an uploaded file in the database, in pieces of 256 KiB: any server instance can then run the
 * import, and resume it after a restart. Read piece by piece: never whole in memory.
 *
 * The job is `uploading` meanwhile, and each piece is stored in its own short transaction with
 * the job's heartbeat and the bytes stored so far, never in one long one: on the embedded
 * database (one connection for the whole server) a 170 MB file would otherwise hold every other
 * request for the whole store (measured: 48 s; see docs/PERFORMANCE.md, `import-store`). `db` is therefore the
 * database, not a transaction. A piece is stored only while the job is still `uploading`: once it
 * was cancelled, or cleaned up as stale (import-job.ts dropStaleUploads), storing stops and
 * `undefined` is answered instead of the file's size.
 */
export async function storeImportFile(
  db: Db,
  importId: string,
  path: string,
  onPiece?: OnPiece,
): Promise<number | undefined> {
  let seq = 0;
  let size = 0;
  const stream = fs.createReadStream(path, { highWaterMark: PIECE });
  let pending: Buffer = Buffer.alloc(0);
  const flush = async (data: Buffer): Promise<boolean> => {
    const stored = await db.transaction(async (tx) => {
      const [job] = await tx
        .update(workerImport)
        .set({ heartbeatAt: sql`now()`, bytesDone: size + data.length })
        .where(and(eq(workerImport.id, importId), eq(workerImport.status, 'uploading')))
        .returning({ id: workerImport.id });
      if (!job) return false;
      await tx.insert(workerImportFile).values({ importId, seq, data });
      return true;
    });
    if (!stored) return false;
    seq += 1;
    size += data.length;
    // the embedded database runs on this thread: let waiting requests in between pieces
    await new Promise((resolve) => setImmediate(resolve));
    await onPiece?.({ pieces: seq, bytes: size });
    return true;
  };
  // leaving the loop early (return, throw) closes the file
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= PIECE) {
      if (!(await flush(pending.subarray(0, PIECE)))) return undefined;
      pending = pending.subarray(PIECE);
    }
  }
  if ((pending.length > 0 || seq === 0) && !(await flush(pending))) return undefined;
  return size;
}

/** The stored file as a stream; `onBytes` hears how much has been read (the progress bar). */
export function readImportFile(db: Db, importId: string, onBytes: (n: number) => void): Readable {
  let seq = 0;
  return Readable.from(
    (async function* () {
      for (;;) {
        const [piece] = await db
          .select({ data: workerImportFile.data })
          .from(workerImportFile)
          .where(and(eq(workerImportFile.importId, importId), eq(workerImportFile.seq, seq)));
        if (!piece) return;
        seq += 1;
        // handed on in 64 KiB slices: the parsers read little ahead, so the bytes counted here
        // are close to the rows processed (the progress bar)
        for (let at = 0; at < piece.data.length; at += SLICE) {
          const slice = piece.data.subarray(at, at + SLICE);
          onBytes(slice.length);
          yield slice;
        }
      }
    })(),
    { objectMode: false },
  );
}

export async function deleteImportFile(db: Db, importId: string): Promise<void> {
  await db.delete(workerImportFile).where(eq(workerImportFile.importId, importId));
}

export async function hasImportFile(db: Db, importId: string): Promise<boolean> {
  const rows = await db.execute(
    sql`SELECT 1 FROM worker_import_file WHERE import_id = ${importId} LIMIT 1`,
  );
  return (rows as { rows: unknown[] }).rows.length > 0;
}
