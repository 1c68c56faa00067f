import pino, { type Logger } from 'pino';
import { systemActor } from '../core/access/actor.ts';
import { loadConfig, type Config } from '../core/config.ts';
import type { Ctx } from '../core/context.ts';
import { openDatabase, type Database } from '../core/db/client.ts';

export function cliLogger(config: Config): Logger {
  return pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
}

export function open(config: Config): Promise<Database> {
  return openDatabase(
    config.database.kind === 'postgresql'
      ? { kind: 'postgresql', url: config.database.url }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
}

/** Runs a CLI action with a database and a system-actor context, closing the database after. */
export async function withDatabase<T>(
  work: (database: Database, ctx: Ctx, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const log = cliLogger(config);
  const database = await open(config);
  try {
    return await work(
      database,
      { db: database.db, actor: systemActor('cli'), now: () => new Date(), log },
      config,
    );
  } finally {
    await database.close();
  }
}

export function fail(message: string): never {
  process.stderr.write(`Galat: ${message}\n`);
  process.exit(1);
}
