import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { queryRows } from './client.ts';
import { ANALYZE_EVERY, noteRowsWritten } from './fresh-statistics.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

/** -1 until the table is first analysed (PostgreSQL 14 and later), then its row estimate. */
async function reltuples(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tdb.database.db,
    sql`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'enrollment'`,
  );
  return Number(row!.n);
}

describe('statistics of a table filled through the use-cases', () => {
  it('are refreshed once enough rows have been written, and not before', async () => {
    expect(await reltuples()).toBe(-1);
    await noteRowsWritten(tdb.database.db, 'enrollment', ANALYZE_EVERY - 1);
    expect(await reltuples()).toBe(-1);
    await noteRowsWritten(tdb.database.db, 'enrollment', 1);
    expect(await reltuples()).toBe(0);
  });
});
