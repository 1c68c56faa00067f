import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './client.ts';

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * Writes the whole embedded database to one .tar.gz file. Opening the data folder takes its lock,
 * so a backup refuses to run while the server is using the folder.
 */
export async function backupPglite(dataDir: string, file: string): Promise<BackupResult> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(`Folder data ${dataDir} belum berisi basis data Jaring.`);
  }
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const dump = await database.pglite!.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = `${file}.sebagian`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
    return { file: path.resolve(file), bytes: bytes.length };
  } finally {
    await database.close();
  }
}

/**
 * Replaces the data folder with the backup. The current folder is kept beside it, renamed, and
 * put back if the backup cannot be opened: nothing is lost by a failed restore.
 */
export async function restorePglite(
  dataDir: string,
  file: string,
  stamp: string,
): Promise<{ previous: string | null }> {
  if (!fs.existsSync(file)) throw new Error(`Berkas cadangan ${file} tidak ditemukan.`);
  const blob = new Blob([fs.readFileSync(file)]);
  // Take the lock on the current folder first: refuses while a server is running on it.
  const current = fs.existsSync(dataDir)
    ? await openDatabase({ kind: 'pglite', dataDir })
    : undefined;
  await current?.close();
  const previous = fs.existsSync(dataDir) ? `${dataDir}.sebelum-pulih-${stamp}` : null;
  if (previous) fs.renameSync(dataDir, previous);
  try {
    const restored = await openDatabase({ kind: 'pglite', dataDir, loadDataDir: blob });
    try {
      await restored.pglite!.query('SELECT count(*) FROM region');
    } finally {
      await restored.close();
    }
    return { previous };
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (previous) fs.renameSync(previous, dataDir);
    throw new Error(`Berkas ${file} bukan cadangan Jaring yang dapat dipulihkan: ${String(e)}`);
  }
}

/** 20261124-193000 in local time: for file names. */
export function fileStamp(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}
