import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb);
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('health, headers and API documentation', () => {
  it('reports ok and which database serves, without login', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
    });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('sends the security headers on every answer', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeTruthy();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers an unknown API path with 404 in the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/tidak-ada' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Alamat GET /api/tidak-ada tidak ada.', details: {} },
    });
  });

  it('documents every API route in OpenAPI at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/me',
      '/api/regions',
      '/api/regions/{code}',
      '/api/users',
      '/api/users/{id}',
      '/api/users/{id}/deactivate',
      '/api/audit',
      '/api/audit/export.xlsx',
      '/api/settings/privacy',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    // Every route is documented: the route access test lists them all.
    expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(19);
    expect(doc.paths['/api/regions/{code}'].get.responses['200']).toBeDefined();
    const ui = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});
