import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { systemActor } from '../src/core/access/actor.ts';
import { openDatabase, type Database } from '../src/core/db/client.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import {
  bundledRegionSource,
  DEFAULT_REGION_SOURCE,
  loadRegions,
  readRegionSource,
} from '../src/core/modules/regions/index.ts';
import { CACHE_DIR, MIGRATIONS_DIR, templateKey } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
  }
}

/** Migrated database with the whole register: every test file starts from a copy of it. */
async function prepare(database: Database): Promise<void> {
  await migrateDatabase(database, MIGRATIONS_DIR);
  const b = bundledRegionSource();
  const ctx = {
    db: database.db,
    actor: systemActor('test'),
    now: () => new Date(),
    log: pino({ level: 'silent' }),
  };
  await loadRegions(
    ctx,
    readRegionSource(b.dir, { source: DEFAULT_REGION_SOURCE, version: b.version }),
  );
}

export default async function setup(project: TestProject) {
  const key = templateKey();
  const file = path.join(CACHE_DIR, `template-${key}.tar.gz`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const database = await openDatabase({ kind: 'pglite' });
    await prepare(database);
    const dump = await database.pglite!.dumpDataDir('gzip');
    await database.close();
    fs.writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(`${file}.tmp`, file);
  }
  project.provide('pgliteTemplate', file);

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide('pgTemplate', null);
    return;
  }
  const name = `jaring_tpl_${key}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // Templates of older schemas are of no use any more; a half-built one is from a crashed run.
  const stale = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'jaring\\_tpl\\_%' AND datname <> $1",
    [name],
  );
  for (const { datname } of stale.rows)
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) {
    await admin.query(`CREATE DATABASE ${name}_build`);
    const database = await openDatabase({
      kind: 'postgresql',
      url: withDatabase(url, `${name}_build`),
    });
    await prepare(database);
    await database.close();
    await admin.query(`ALTER DATABASE ${name}_build RENAME TO ${name}`);
  }
  await admin.end();
  project.provide('pgTemplate', name);
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
