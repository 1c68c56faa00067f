import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');

/**
 * Starts Jaring as a person would, with `jaring serve` on an empty data folder: the first start
 * creates the database, loads the register and the first administrator.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-e2e-'));
  const port = 3400 + Math.floor(Math.random() * 500);
  const adminPassword = 'kopi-tubruk-pagi';
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'bin/jaring.mjs'), 'serve'],
    {
      env: {
        ...env,
        JARING_DATA_DIR: path.join(dataDir, 'data'),
        PORT: String(port),
        JARING_ADMIN_PASSWORD: adminPassword,
        LOG_LEVEL: 'warn',
        // The journeys log in a dozen times a minute from one address; the API tests cover the limit.
        JARING_LOGIN_RATE_PER_MINUTE: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const until = Date.now() + 90_000;
  while (!out.includes('Jaring siap')) {
    if (child.exitCode !== null || Date.now() > until)
      throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide('baseUrl', `http://localhost:${port}`);
  project.provide('adminPassword', adminPassword);
  return async () => {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGINT');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
