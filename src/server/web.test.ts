import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-web-'));
beforeAll(async () => {
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><title>Jaring</title><div id="root"></div>',
  );
  fs.writeFileSync(path.join(webDir, 'assets/app-1234.js'), 'console.log(1)');
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb, { webDir });
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('answers deep links with the page, so a bookmarked /wilayah/15.08 opens', async () => {
    for (const url of ['/', '/wilayah/15.08', '/masuk?next=%2Fwilayah']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves the built assets, and a missing asset is a 404, never the page', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    for (const url of ['/assets/app-old.js', '/favicon-old.png', '/api/tidak-ada']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });
});
