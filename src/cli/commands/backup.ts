import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../core/config.ts';
import { backupPglite, fileStamp, restorePglite } from '../../core/db/backup.ts';
import { fail } from '../runtime.ts';

export async function backup(file: string | undefined): Promise<void> {
  const config = loadConfig();
  const target =
    file ??
    `jaring-cadangan-${fileStamp(new Date())}.${config.database.kind === 'pglite' ? 'tar.gz' : 'dump'}`;
  if (config.database.kind === 'postgresql') {
    runPgTool('pg_dump', ['--format=custom', `--file=${target}`, config.database.url]);
    process.stdout.write(`Cadangan PostgreSQL ditulis ke ${target}\n`);
    return;
  }
  const result = await backupPglite(config.database.dataDir, target);
  process.stdout.write(
    `Cadangan ditulis ke ${result.file} (${(result.bytes / 1_048_576).toFixed(1)} MB)\n`,
  );
}

export async function restore(file: string): Promise<void> {
  const config = loadConfig();
  if (config.database.kind === 'postgresql') {
    runPgTool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      `--dbname=${config.database.url}`,
      file,
    ]);
    process.stdout.write(`Basis data PostgreSQL dipulihkan dari ${file}\n`);
    return;
  }
  const { previous } = await restorePglite(config.database.dataDir, file, fileStamp(new Date()));
  process.stdout.write(`Basis data dipulihkan dari ${file}.\n`);
  if (previous)
    process.stdout.write(
      `Data sebelumnya disimpan di ${previous} (hapus bila sudah tidak perlu).\n`,
    );
}

function runPgTool(tool: string, args: string[]): void {
  const run = spawnSync(tool, args, { stdio: 'inherit' });
  if (run.error)
    fail(`${tool} tidak ditemukan. Pasang klien PostgreSQL (paket Debian postgresql-client).`);
  if (run.status !== 0) fail(`${tool} gagal (kode ${run.status}).`);
}
