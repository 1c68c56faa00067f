import type { Logger } from 'pino';
import { systemActor } from './access/actor.ts';
import type { Config } from './config.ts';
import type { Ctx } from './context.ts';
import type { Database } from './db/client.ts';
import { migrateDatabase, withStartupLock } from './db/migrate.ts';
import { ensureFirstAdmin } from './modules/accounts/index.ts';
import {
  bundledRegionSource,
  DEFAULT_REGION_SOURCE,
  findLatestRegisterVersion,
  loadRegions,
  readRegionSource,
} from './modules/regions/index.ts';

export interface BootstrapResult {
  regionsLoaded: boolean;
  admin: Awaited<ReturnType<typeof ensureFirstAdmin>>;
}

/**
 * Everything a start needs before serving: migrations, the region register (only when the bundled
 * version is not yet loaded, so later starts are quick) and the first administrator.
 */
export async function bootstrapDatabase(
  database: Database,
  config: Pick<Config, 'migrationsDir' | 'adminPassword'>,
  log: Logger,
): Promise<BootstrapResult> {
  await migrateDatabase(database, config.migrationsDir);
  return withStartupLock(database, () => seed(database, config, log));
}

async function seed(
  database: Database,
  config: Pick<Config, 'adminPassword'>,
  log: Logger,
): Promise<BootstrapResult> {
  const ctx: Ctx = { db: database.db, actor: systemActor('start'), now: () => new Date(), log };
  const bundled = bundledRegionSource();
  const latest = await findLatestRegisterVersion(database.db, DEFAULT_REGION_SOURCE);
  let regionsLoaded = false;
  if (!latest || isNewerVersion(bundled.version, latest.version)) {
    log.info(
      { version: bundled.version, previous: latest?.version },
      'memuat daftar wilayah Kemendagri…',
    );
    await loadRegions(
      ctx,
      readRegionSource(bundled.dir, { source: DEFAULT_REGION_SOURCE, version: bundled.version }),
    );
    regionsLoaded = true;
  } else if (latest.version !== bundled.version) {
    log.warn(
      { loaded: latest.version, bundled: bundled.version },
      'daftar wilayah yang termuat lebih baru dari paket bawaan; dibiarkan',
    );
  }
  const admin = await ensureFirstAdmin(ctx, config.adminPassword);
  return { regionsLoaded, admin };
}

/** "4.0.1" > "3.1.2": numeric comparison part by part. */
export function isNewerVersion(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}
