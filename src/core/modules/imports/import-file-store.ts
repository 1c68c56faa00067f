import fs from 'node:fs';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { workerImportFile } from '../../db/schema/imports.ts';

const PIECE = 1024 * 1024;
const SLICE = 64 * 1024;

/**
 * Keeps an uploaded file in the database, in 1 MiB pieces: any server instance can then run the
 * import, and resume it after a restart. Read piece by piece: never whole in memory.
 */
export async function storeImportFile(db: Db, importId: string, path: string): Promise<number> {
  let seq = 0;
  let size = 0;
  const stream = fs.createReadStream(path, { highWaterMark: PIECE });
  let pending: Buffer = Buffer.alloc(0);
  const flush = async (data: Buffer) => {
    await db.insert(workerImportFile).values({ importId, seq, data });
    seq += 1;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= PIECE) {
      await flush(pending.subarray(0, PIECE));
      pending = pending.subarray(PIECE);
    }
  }
  if (pending.length > 0 || seq === 0) await flush(pending);
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
