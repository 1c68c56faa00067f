import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A table that COPY writes the register's five columns into. */
export interface CopyTable {
  name: string;
  /** Statements that drop and create it again, empty. */
  reset: string[];
}

const COLUMNS = '(code, name, level, kind, parent_code)';

/**
 * The physical limit for a load: the same columns with no key, no index, no default and no
 * constraint.
 */
export const BARE_TABLE: CopyTable = {
  name: 'bench_bare_region',
  reset: [
    'DROP TABLE IF EXISTS bench_bare_region',
    'CREATE TABLE bench_bare_region (code text, name text, level text, kind text, parent_code text)',
  ],
};

/**
 * A diagnostic: the app's `region` table as migrated (key, indexes, defaults, NOT NULL), so the
 * floor for any loader that writes into that table as it is.
 */
export function indexedTable(sourceVersion: string): CopyTable {
  return {
    name: 'bench_indexed_region',
    reset: [
      'DROP TABLE IF EXISTS bench_indexed_region',
      'CREATE TABLE bench_indexed_region (LIKE region INCLUDING ALL)',
      `ALTER TABLE bench_indexed_region ALTER source_version SET DEFAULT '${sourceVersion.replaceAll("'", "''")}'`,
    ],
  };
}

export async function resetTablePglite(pglite: PGlite, table: CopyTable): Promise<void> {
  for (const statement of table.reset) await pglite.exec(statement);
}

/** `csv` is the UTF-8 text, prepared once: only the transfer and the COPY are timed. */
export async function copyPglite(pglite: PGlite, table: CopyTable, csv: Buffer): Promise<void> {
  await pglite.query(`COPY ${table.name} ${COLUMNS} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([new Uint8Array(csv)]),
  });
}

export async function resetTablePg(pool: pg.Pool, table: CopyTable): Promise<void> {
  for (const statement of table.reset) await pool.query(statement);
}

export async function copyPg(pool: pg.Pool, table: CopyTable, csv: Buffer): Promise<void> {
  const client = await pool.connect();
  try {
    const stream = client.query(
      copyFrom(`COPY ${table.name} ${COLUMNS} FROM STDIN WITH (FORMAT csv)`),
    );
    // 64 KiB pieces, as a file stream would send them.
    await pipeline(Readable.from(chunks(csv, 64 * 1024)), stream);
  } finally {
    client.release();
  }
}

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export function countQuery(table: CopyTable): string {
  return `SELECT count(*)::int AS n FROM ${table.name}`;
}
