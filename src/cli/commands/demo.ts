import { migrateDatabase } from '../../core/db/migrate.ts';
import {
  bundledRegionSource,
  DEFAULT_REGION_SOURCE,
  findLatestRegisterVersion,
  loadRegions,
  readRegionSource,
} from '../../core/modules/regions/index.ts';
import { seedDemoWorkers, type SeedDemoProgress } from '../../core/modules/workers/index.ts';
import { withDatabase } from '../runtime.ts';

export interface DemoOptions {
  region: string;
  workers: string;
  seed: string;
}

const num = (n: number) => n.toLocaleString('id-ID');

/** "KABUPATEN BUNGO" → "Kabupaten Bungo"; districts and villages get their level in front. */
function regionLabel(r: SeedDemoProgress['region']): string {
  const name = r.name
    .toLowerCase()
    .replace(/(^|[\s(/-])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
  const prefix = { province: 'Provinsi ', regency: '', district: 'Kecamatan ', village: '' };
  return `${prefix[r.level as keyof typeof prefix] ?? ''}${name}`;
}

function integer(value: string, option: string): number {
  const n = Number(value.replace(/[.,_]/g, ''));
  if (!Number.isInteger(n))
    throw new Error(`${option} harus bilangan bulat (yang diisi: ${value}).`);
  return n;
}

/**
 * Fills a region with generated workers so that a newcomer sees a living product. On a fresh
 * database the region register is loaded first (as the first `serve` would).
 */
export function demo(opts: DemoOptions): Promise<void> {
  const workers = integer(opts.workers, '--workers');
  const seed = integer(opts.seed, '--seed');
  return withDatabase(async (database, ctx, config) => {
    await migrateDatabase(database, config.migrationsDir);
    if (!(await findLatestRegisterVersion(database.db, DEFAULT_REGION_SOURCE))) {
      process.stdout.write('Memuat daftar wilayah Kemendagri (sekali saja)…\n');
      const b = bundledRegionSource();
      await loadRegions(
        ctx,
        readRegionSource(b.dir, { source: DEFAULT_REGION_SOURCE, version: b.version }),
      );
    }
    const r = await seedDemoWorkers(ctx, { region: opts.region, workers, seed }, (p) => {
      process.stdout.write(
        p.done === 0
          ? `Membuat ${num(p.total)} pekerja contoh di ${regionLabel(p.region)}…\n`
          : `  ${num(p.done)} / ${num(p.total)}\n`,
      );
    });
    process.stdout.write(
      `Selesai dalam ${r.seconds.toFixed(1).replace('.', ',')} dtk: ${num(r.inserted)} pekerja baru di ${num(r.villages)} desa/kelurahan` +
        (r.skipped ? `, ${num(r.skipped)} dilewati karena NIK-nya sudah terdaftar.\n` : '.\n'),
    );
  });
}
