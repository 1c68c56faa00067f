import { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import { migrateDatabase } from '../core/db/migrate.ts';
import { createUser, ROLES } from '../core/modules/accounts/index.ts';
import {
  bundledRegionSource,
  DEFAULT_REGION_SOURCE,
  loadRegions,
  readRegionSource,
} from '../core/modules/regions/index.ts';
import { isDomainError } from '../core/errors.ts';
import { backup, restore } from './commands/backup.ts';
import { demo } from './commands/demo.ts';
import { importFile } from './commands/import.ts';
import { serve } from './commands/serve.ts';
import { withDatabase } from './runtime.ts';

const program = new Command('jaring')
  .description('Jaring: perlindungan jaminan sosial ketenagakerjaan bagi pekerja rentan')
  .showHelpAfterError()
  .addHelpText(
    'after',
    '\nKonfigurasi lewat variabel lingkungan: DATABASE_URL, JARING_DATA_DIR, PORT (lihat README).',
  );

program
  .command('serve')
  .description('Menjalankan server web (bawaan: http://localhost:3000)')
  .action(serve);

program
  .command('migrate')
  .description('Menerapkan migrasi basis data (juga dilakukan otomatis saat serve)')
  .action(() =>
    withDatabase(async (database, _ctx, config) => {
      await migrateDatabase(database, config.migrationsDir);
      process.stdout.write('Migrasi selesai.\n');
    }),
  );

const regions = program.command('regions').description('Daftar wilayah Kemendagri: regions load');
regions
  .command('load')
  .description('Memuat atau memperbarui daftar wilayah (tanpa menghapus kode yang sudah dipakai)')
  .option(
    '--dir <folder>',
    'folder berisi provinces.csv, regencies.csv, districts.csv, villages.csv (bawaan: paket idn-area-data)',
  )
  .option('--source <nama>', 'nama sumber data', DEFAULT_REGION_SOURCE)
  .option('--data-version <versi>', 'versi data (wajib bersama --dir)')
  .action((opts: { dir?: string; source: string; dataVersion?: string }) =>
    withDatabase(async (database, ctx, config) => {
      await migrateDatabase(database, config.migrationsDir);
      const bundled = bundledRegionSource();
      if (opts.dir && !opts.dataVersion)
        throw new Error('--data-version wajib diisi bersama --dir');
      const src = readRegionSource(opts.dir ?? bundled.dir, {
        source: opts.source,
        version: opts.dataVersion ?? bundled.version,
      });
      const r = await loadRegions(ctx, src);
      process.stdout.write(
        `Daftar wilayah ${r.source} ${r.version}: ${r.total} baris; baru ${r.added}, berubah ${r.updated}, tidak berlaku lagi ${r.retired}, tetap ${r.unchanged}.\n` +
          `Berlaku: ${r.active.province ?? 0} provinsi, ${r.active.regency ?? 0} kabupaten/kota, ${r.active.district ?? 0} kecamatan, ${r.active.village ?? 0} desa/kelurahan.\n`,
      );
    }),
  );

const user = program.command('user').description('Pengguna: user create');
user
  .command('create')
  .description('Membuat pengguna')
  .requiredOption('--username <nama>', 'nama pengguna (huruf kecil, angka, titik, garis bawah)')
  .requiredOption('--role <peran>', `peran: ${ROLES.join(', ')}`)
  .option('--scope <kode...>', 'kode wilayah kerja (petugas BPJS boleh beberapa kabupaten/kota)')
  .option('--name <nama>', 'nama lengkap')
  .option('--password <sandi>', 'kata sandi (bawaan: dibaca dari JARING_NEW_PASSWORD)')
  .action(
    (opts: {
      username: string;
      role: (typeof ROLES)[number];
      scope?: string[];
      name?: string;
      password?: string;
    }) =>
      withDatabase(async (database, ctx, config) => {
        await migrateDatabase(database, config.migrationsDir);
        const password = opts.password ?? process.env.JARING_NEW_PASSWORD;
        if (!password) throw new Error('Berikan --password atau JARING_NEW_PASSWORD.');
        const me = await createUser(ctx, {
          username: opts.username,
          role: opts.role,
          password,
          ...(opts.name ? { displayName: opts.name } : {}),
          ...(opts.scope
            ? { scope: opts.role === 'bpjs_officer' ? opts.scope : opts.scope.join(' ') }
            : {}),
        });
        process.stdout.write(
          `Pengguna ${me.username} (${me.role}) dibuat${me.scope.length ? ` untuk wilayah ${me.scope.join(', ')}` : ''}.\n`,
        );
      }),
  );

program
  .command('demo')
  .description(
    'Mengisi satu wilayah dengan pekerja contoh untuk demo (hentikan server lebih dulu bila memakai PGlite)',
  )
  .option('--region <kode>', 'kode wilayah Kemendagri (kabupaten, kecamatan, provinsi…)', '15.08')
  .option('--workers <n>', 'jumlah pekerja contoh', '20000')
  .option(
    '--seed <n>',
    'benih acak: benih dan jumlah yang sama menghasilkan pekerja yang sama',
    '1',
  )
  .action(demo);

program
  .command('import')
  .description(
    'Mengimpor berkas pekerja (XLSX/CSV, sampai jutaan baris) langsung di server; pratinjau kecuali --commit',
  )
  .argument('<berkas>', 'berkas .xlsx atau .csv (templat Jaring, OpenSID, atau NIK + nama)')
  .option('--village <kode>', 'desa untuk berkas tanpa kolom desa (mis. daftar penduduk OpenSID)')
  .option('--commit', 'simpan (tanpa ini: hanya pratinjau, tidak ada yang disimpan)')
  .action(importFile);

program
  .command('backup')
  .description(
    'Mencadangkan basis data ke satu berkas (hentikan server lebih dulu bila memakai PGlite)',
  )
  .argument('[berkas]', 'berkas tujuan (bawaan: jaring-cadangan-<waktu>.tar.gz)')
  .action(backup);

program
  .command('restore')
  .description('Memulihkan basis data dari berkas cadangan (data lama disimpan di sampingnya)')
  .argument('<berkas>', 'berkas cadangan')
  .action(restore);

try {
  loadConfig();
  await program.parseAsync(process.argv);
} catch (e) {
  const message = isDomainError(e) || e instanceof Error ? e.message : String(e);
  process.stderr.write(`Galat: ${message}\n`);
  process.exit(1);
}
