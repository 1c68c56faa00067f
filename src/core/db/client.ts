import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database or a transaction: repositories take either as their first argument. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Present on the embedded database: used by backup and bulk COPY. */
  pglite?: PGlite;
  /** Present on a PostgreSQL server. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File }
  | { kind: 'postgresql'; url: string; max?: number };

// pg returns `date` as a JS Date at local midnight; dates are calendar days here (YYYY-MM-DD).
pg.types.setTypeParser(1082, (v: string) => v);

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.max ?? 10 });
    // An idle connection can fail (server restart, failover, a killed backend): the pool drops
    // it and opens another; without a listener the error would end the process.
    pool.on('error', (err) =>
      process.emitWarning(`PostgreSQL: koneksi menganggur terputus (${err.message})`),
    );
    // Fail early with a clear message rather than at the first request.
    const probe = await pool.connect().catch((e: unknown) => {
      void pool.end();
      throw new Error(
        `Tidak dapat terhubung ke PostgreSQL (${target.url.replace(/:[^:@/]*@/, ':***@')}): ${String(e)}`,
      );
    });
    probe.release();
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, kind: 'postgresql', pool, close: () => pool.end() };
  }
  const releaseLock = target.dataDir ? acquireDataDirLock(target.dataDir) : () => undefined;
  try {
    // The extensions the migrations create ship with PGlite: pg_trgm (name search), btree_gist
    // (the no-double-funding exclusion constraint on enrollments).
    const options: PGliteOptions = { extensions: { pg_trgm, btree_gist } };
    if (target.loadDataDir) options.loadDataDir = target.loadDataDir;
    const pglite = await PGlite.create(target.dataDir ?? 'memory://', options);
    const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite,
      close: async () => {
        await pglite.close();
        releaseLock();
      },
    };
  } catch (e) {
    releaseLock();
    throw e;
  }
}

/**
 * PGlite is a single-process database: two processes writing one data folder corrupt it. A lock
 * file with the owner's pid refuses the second one; a lock left by a dead process is taken over.
 */
function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(
    path.dirname(path.resolve(dataDir)),
    `.${path.basename(dataDir)}.lock`,
  );
  try {
    const owner = Number(fs.readFileSync(lockPath, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `Folder data ${dataDir} sedang dipakai oleh proses lain (pid ${owner}). Hentikan proses itu dulu.`,
      );
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.writeFileSync(lockPath, String(process.pid));
  return () => fs.rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Rows of a raw query, the same on both drivers. Cast numbers in SQL (`::int`): see ARCHITECTURE. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
