import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from './client.ts';
import { backupPglite, restorePglite } from './backup.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function usernames(dataDir: string): Promise<string[]> {
  const db = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const r = await db.pglite!.query<{ username: string }>(
      'SELECT username FROM app_user ORDER BY username',
    );
    return r.rows.map((x) => x.username);
  } finally {
    await db.close();
  }
}

async function addUser(dataDir: string, username: string): Promise<void> {
  const db = await openDatabase({ kind: 'pglite', dataDir });
  await db.pglite!.query(
    `INSERT INTO app_user (username, display_name, password_hash, role) VALUES ($1, $1, 'x', 'admin')`,
    [username],
  );
  await db.close();
}

describe('backup and restore of the embedded database', () => {
  it('round-trips: a restore brings back exactly the data of the backup and keeps the replaced folder', async () => {
    const dataDir = path.join(tmp, 'data');
    const seeded = await openDatabase({
      kind: 'pglite',
      dataDir,
      loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]),
    });
    await seeded.close();
    await addUser(dataDir, 'siti.aminah');

    const file = path.join(tmp, 'cadangan.tar.gz');
    const b = await backupPglite(dataDir, file);
    expect(b.bytes).toBeGreaterThan(100_000);

    await addUser(dataDir, 'budi.santoso');
    expect(await usernames(dataDir)).toEqual(['budi.santoso', 'siti.aminah']);

    const { previous } = await restorePglite(dataDir, file, 'uji');
    expect(await usernames(dataDir)).toEqual(['siti.aminah']);
    expect(previous).toBe(`${dataDir}.sebelum-pulih-uji`);
    expect(await usernames(previous!)).toEqual(['budi.santoso', 'siti.aminah']);
    const db = await openDatabase({ kind: 'pglite', dataDir });
    const r = await db.pglite!.query<{ n: number }>('SELECT count(*)::int AS n FROM region');
    await db.close();
    expect(r.rows[0]!.n).toBe(91592);
    // a hang guard, not a timing check: a dump and a restore of the whole register take 30 s and
    // more when the machine's two cores are shared with other work
  }, 180_000);

  it('refuses a file that is not a backup and leaves the current data in place', async () => {
    const dataDir = path.join(tmp, 'data');
    const junk = path.join(tmp, 'bukan-cadangan.tar.gz');
    fs.writeFileSync(junk, 'ini bukan cadangan');
    await expect(restorePglite(dataDir, junk, 'gagal')).rejects.toThrow('bukan cadangan Jaring');
    expect(await usernames(dataDir)).toEqual(['siti.aminah']);
    expect(fs.existsSync(`${dataDir}.sebelum-pulih-gagal`)).toBe(false);
  });

  it('refuses to back up a folder that a running server holds', async () => {
    const dataDir = path.join(tmp, 'data');
    const lock = path.join(tmp, '.data.lock');
    fs.writeFileSync(lock, String(process.ppid));
    await expect(backupPglite(dataDir, path.join(tmp, 'x.tar.gz'))).rejects.toThrow(
      /sedang dipakai oleh proses lain/,
    );
    fs.rmSync(lock);
  });
});
