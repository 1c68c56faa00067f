import fs from 'node:fs';
import path from 'node:path';
import { migrateDatabase } from '../../core/db/migrate.ts';
import { importWorkers } from '../../core/modules/imports/index.ts';
import { withDatabase } from '../runtime.ts';

export interface ImportOptions {
  village?: string;
  commit?: boolean;
}

const num = (n: number) => n.toLocaleString('id-ID');

/**
 * Imports a worker file on the server itself (a million rows in one file, without uploading it):
 * the same job as an upload, run at once, with progress on the console. Runs as the system (all
 * regions); a preview unless --commit. Stop the server first on the embedded database.
 */
export function importFile(file: string, opts: ImportOptions): Promise<void> {
  const full = path.resolve(file);
  if (!fs.existsSync(full)) throw new Error(`Berkas ${file} tidak ditemukan.`);
  return withDatabase(async (database, ctx, config) => {
    await migrateDatabase(database, config.migrationsDir);
    const started = Date.now();
    process.stdout.write(
      `${opts.commit ? 'Mengimpor' : 'Memeriksa (pratinjau, tidak ada yang disimpan)'} ${path.basename(full)}…\n`,
    );
    const summary = await importWorkers(
      ctx,
      { path: full, fileName: path.basename(full) },
      {
        mode: opts.commit ? 'commit' : 'preview',
        villageCode: opts.village,
        onChunk: (line, c) =>
          process.stdout.write(
            `  baris ${num(line)}: ${num(c.created)} baru, ${num(c.updated)} diperbarui, ${num(c.rejected)} ditolak\n`,
          ),
      },
    );
    const c = summary.counts;
    process.stdout.write(
      `${summary.status === 'done' ? 'Selesai' : `Berhenti (${summary.status})`} dalam ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} dtk: ` +
        `${num(c.total)} baris — ${num(c.created)} baru, ${num(c.updated)} diperbarui, ${num(c.unchanged)} tetap, ` +
        `${num(c.rejected)} ditolak, ${num(c.skipped)} dilewati (${num(c.warned)} dengan peringatan).\n` +
        (c.rejected > 0
          ? `Baris yang ditolak: unduh dari halaman impor (id ${summary.id}) atau GET /api/imports/${summary.id}/rejected.xlsx.\n`
          : ''),
    );
    if (summary.status !== 'done') process.exitCode = 1;
  });
}
