import pg from 'pg';

/** A throw-away database on a PostgreSQL server, created and dropped through the admin URL. */
export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops and creates the database again: the next use starts from an empty one. */
  recreate(): Promise<void>;
  drop(): Promise<void>;
}

export function redactUrl(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@');
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server's version, or the reason it cannot be reached. */
export async function probeServer(
  adminUrl: string,
): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const version = await withAdmin(adminUrl, async (c) => {
      const r = await c.query<{ server_version: string }>('SHOW server_version');
      return r.rows[0]!.server_version;
    });
    return { ok: true, version };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

export function scratchDatabase(adminUrl: string, name: string): ScratchDatabase {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = (c: pg.Client) => dropWhenIdle(c, name);
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin(adminUrl, drop),
    recreate: () =>
      withAdmin(adminUrl, async (c) => {
        await drop(c);
        await c.query(`CREATE DATABASE ${name}`);
      }),
  };
}

/**
 * pg's Pool.end() resolves before the server has seen its connections go. Dropping the database
 * WITH (FORCE) at that moment terminates them, and the pool, ending, reports the termination as
 * an 'error' event that nothing listens to. So wait for the connections to leave first.
 */
async function dropWhenIdle(c: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const r = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (r.rows[0]!.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
