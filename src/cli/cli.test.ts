import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase } from '../core/db/client.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/jaring.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-cli-'));
const dataDir = path.join(tmp, 'data');
// The CLI must use the embedded database here even when the suite runs against PostgreSQL.
const { DATABASE_URL: _ignored, ...inherited } = process.env;
const env = { ...inherited, JARING_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

beforeAll(async () => {
  const db = await openDatabase({
    kind: 'pglite',
    dataDir,
    loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]),
  });
  await db.close();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const jaring = (...args: string[]) => run(process.execPath, [bin, ...args], { env, cwd: tmp });

// Each call starts Node and the TypeScript loader (1–2 s, far more on a busy machine): a long
// timeout for a hang, never a measure of speed.
describe('the jaring command', { timeout: 180_000 }, () => {
  it('lists its commands, each with its own help', async () => {
    const { stdout } = await jaring('--help');
    for (const c of ['serve', 'migrate', 'regions load', 'user create', 'backup', 'restore'])
      expect(stdout).toContain(c);
    expect((await jaring('regions', 'load', '--help')).stdout).toContain('--data-version');
    expect((await jaring('user', 'create', '--help')).stdout).toContain('--scope');
    expect((await jaring('backup', '--help')).stdout).toContain('Mencadangkan');
    expect((await jaring('restore', '--help')).stdout).toContain('Memulihkan');
    expect((await jaring('demo', '--help')).stdout).toContain('--workers');
    expect((await jaring('import', '--help')).stdout).toContain('--commit');
  });

  it('imports a file on the server: a preview writes nothing, --commit saves and says how it went', async () => {
    const file = path.join(tmp, 'pekerja-pedukun.csv');
    fs.writeFileSync(
      file,
      [
        'nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,kode_pekerjaan',
        '1508014107850001,Siti Aminah,1985-07-01,P,15.08.01.2001,9',
        '1508011203900003,Rahmat Hidayat,1990-03-12,L,15.08.01.2001,23',
        '1508012205800000,Yusuf Effendi,1980-05-22,L,15.08.01.2001,88',
      ].join('\n'),
    );
    const preview = await jaring('import', file);
    expect(preview.stdout).toContain('Memeriksa (pratinjau');
    expect(preview.stdout).toContain('3 baris — 2 baru, 0 diperbarui, 0 tetap, 1 ditolak');
    const saved = await jaring('import', file, '--commit');
    expect(saved.stdout).toContain('3 baris — 2 baru, 0 diperbarui, 0 tetap, 1 ditolak');
    const again = await jaring('import', file, '--commit');
    expect(again.stdout).toContain('3 baris — 0 baru, 0 diperbarui, 2 tetap, 1 ditolak');
  });

  it('creates a user and reloads the register idempotently', async () => {
    const created = await jaring(
      'user',
      'create',
      '--username',
      'dinas.bungo',
      '--role',
      'regency_admin',
      '--scope',
      '15.08',
      '--password',
      'sandi-dinas-bungo',
    );
    expect(created.stdout).toContain(
      'Pengguna dinas.bungo (regency_admin) dibuat untuk wilayah 15.08.',
    );
    const bad = await jaring(
      'user',
      'create',
      '--username',
      'dinas.lain',
      '--role',
      'regency_admin',
      '--scope',
      '15.99',
      '--password',
      'sandi-dinas-bungo',
    ).catch((e: { stderr: string; code: number }) => e);
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'Galat: Wilayah 15.99 tidak ada dalam daftar wilayah yang berlaku.\n',
    });
    const loaded = await jaring('regions', 'load');
    expect(loaded.stdout).toContain('baru 0, berubah 0, tidak berlaku lagi 0, tetap 91592');
    expect(loaded.stdout).toContain(
      '38 provinsi, 514 kabupaten/kota, 7277 kecamatan, 83763 desa/kelurahan',
    );
  });

  it('serves, and shuts down cleanly on Ctrl-C leaving a database that opens again', async () => {
    const port = 3900 + Math.floor(Math.random() * 90);
    const child = spawn(process.execPath, [bin, 'serve'], {
      env: { ...env, PORT: String(port) },
      cwd: tmp,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(
      () => out.includes('Jaring siap'),
      30_000,
      () => out,
    );
    const health = await fetch(`http://localhost:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('Jaring berhenti dengan rapi.');
    const db = await openDatabase({ kind: 'pglite', dataDir });
    const r = await db.pglite!.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM app_user WHERE username = 'dinas.bungo'",
    );
    await db.close();
    expect(r.rows[0]!.n).toBe(1);
  });
});

async function waitFor(ok: () => boolean, ms: number, show: () => string): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out; output so far:\n${show()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
