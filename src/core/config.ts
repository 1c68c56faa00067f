import path from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads process.env. Everything else receives a typed Config.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z.string().url().optional(),
  JARING_DATA_DIR: z.string().min(1).default('./data'),
  JARING_ADMIN_PASSWORD: z.string().min(10, 'JARING_ADMIN_PASSWORD minimal 10 karakter').optional(),
  JARING_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60),
  JARING_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  JARING_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  JARING_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string };
  adminPassword: string | undefined;
  session: { idleMinutes: number; maxHours: number };
  loginRatePerMinute: number;
  cookieSecure: 'auto' | boolean;
  logLevel: string;
  webDir: string;
  /** Where drizzle-kit writes and the app reads SQL migrations. */
  migrationsDir: string;
}

const root = path.resolve(import.meta.dirname, '../..');

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgresql', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.JARING_DATA_DIR) },
    adminPassword: e.JARING_ADMIN_PASSWORD,
    session: { idleMinutes: e.JARING_SESSION_IDLE_MINUTES, maxHours: e.JARING_SESSION_MAX_HOURS },
    loginRatePerMinute: e.JARING_LOGIN_RATE_PER_MINUTE,
    cookieSecure: e.JARING_COOKIE_SECURE === 'auto' ? 'auto' : e.JARING_COOKIE_SECURE === 'true',
    logLevel: e.LOG_LEVEL,
    webDir: path.join(root, 'dist/web'),
    migrationsDir: path.join(root, 'src/core/db/migrations'),
  };
}
