import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { systemActor, type Actor } from '../src/core/access/actor.ts';
import type { Ctx } from '../src/core/context.ts';
import { openDatabase, type Database } from '../src/core/db/client.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDatabase {
  database: Database;
  /** A use-case context for the given actor (the system by default), at a fixed or real time. */
  ctx(actor?: Actor, now?: () => Date): Ctx;
  close(): Promise<void>;
}

export const silentLog = pino({ level: 'silent' });

/**
 * A fresh database with migrations applied and the whole region register loaded: PGlite in memory
 * by default, a throw-away PostgreSQL database (a copy of the prepared template) when
 * TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const pgTemplate = inject('pgTemplate');
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (url && pgTemplate) {
    const name = `jaring_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
    await admin.end();
    database = await openDatabase({ kind: 'postgresql', url: withDatabase(url, name), max: 4 });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    database = await openDatabase({ kind: 'pglite', loadDataDir: blob });
  }
  return {
    database,
    ctx: (actor = systemActor('test'), now = () => new Date()) => ({
      db: database.db,
      actor,
      now,
      log: silentLog,
    }),
    close: async () => {
      await database.close();
      await dropDatabase?.();
    },
  };
}
