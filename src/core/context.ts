import type { BaseLogger } from 'pino';
import type { Actor } from './access/actor.ts';
import type { Db } from './db/client.ts';

/** The logging calls a use-case may make (pino's, and so Fastify's request logger). */
export type Log = Pick<BaseLogger, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'>;

/** Everything a use-case needs, passed explicitly: never a global. */
export interface Ctx {
  db: Db;
  actor: Actor;
  now: () => Date;
  log: Log;
  requestId?: string;
}

/** Made once: building an Intl formatter costs about 0.1 ms, formatting with one a microsecond. */
const JAKARTA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });

/** "Today" in Asia/Jakarta as YYYY-MM-DD: contribution months and dates follow the Indonesian day. */
export function jakartaDate(at: Date): string {
  return JAKARTA_DAY.format(at);
}
