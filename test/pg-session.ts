import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows } from '../src/core/db/client.ts';
import type { TestDatabase } from './test-db.ts';

/** True when the suite runs on PostgreSQL (TEST_DATABASE_URL), where requests really run at once. */
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * A second connection to the test file's PostgreSQL database, for holding a lock or an open
 * transaction while the code under test runs (only on PostgreSQL).
 */
export async function otherSession(
  tdb: TestDatabase,
): Promise<{ client: pg.Client; dbName: string }> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const [row] = await queryRows<{ n: string }>(
    tdb.database.db,
    sql`SELECT current_database() AS n`,
  );
  url.pathname = `/${row!.n}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return { client, dbName: row!.n };
}

/**
 * Waits until `n` sessions of the database wait on a lock. A call that never waits (it took no
 * lock the other session holds) fails the test here, after `giveUpMs`, rather than hanging it.
 */
export async function lockWaiters(
  client: pg.Client,
  dbName: string,
  n: number,
  giveUpMs = 20_000,
): Promise<void> {
  const start = Date.now();
  for (;;) {
    // pg_stat_activity is read once per transaction, and the caller holds one open: a fresh look
    await client.query('SELECT pg_stat_clear_snapshot()');
    const res = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
      [dbName],
    );
    const waiting = res.rows[0]!.n;
    if (waiting >= n) return;
    if (Date.now() - start > giveUpMs) {
      const seen = await client.query<{ state: string; wait: string | null; query: string }>(
        `SELECT state, wait_event_type || ':' || wait_event AS wait, left(query, 120) AS query
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [dbName],
      );
      const sessions = seen.rows.map((r) => `${r.state}/${r.wait ?? '-'}: ${r.query}`);
      throw new Error(
        `expected ${n} sessions waiting on a lock, saw ${waiting}:\n${sessions.join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
