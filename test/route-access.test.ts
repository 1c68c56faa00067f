import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

/**
 * Every API route and what an anonymous caller gets. A route added without an entry here fails
 * the first test, so that nobody adds an endpoint without deciding who may call it.
 * (Issue #3 grows this into the full role × scope matrix.)
 */
const ACCESS: Record<string, { anonymous: number }> = {
  'GET /api/health': { anonymous: 200 },
  'POST /api/auth/login': { anonymous: 400 },
  'POST /api/auth/logout': { anonymous: 401 },
  'GET /api/auth/me': { anonymous: 401 },
  'GET /api/regions': { anonymous: 401 },
  'GET /api/regions/:code': { anonymous: 401 },
  'PUT /api/regions/:code/local-term': { anonymous: 401 },
  'DELETE /api/regions/:code/local-term': { anonymous: 401 },
};

let tdb: TestDatabase;
let app: FastifyInstance;
const registered = new Set<string>();
beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildApp({
    database: tdb.database,
    config: {
      session: { idleMinutes: 60, maxHours: 12 },
      loginRatePerMinute: 100,
      cookieSecure: false,
      webDir: '/nonexistent',
      logLevel: 'silent',
    },
    logger: false,
    onRoute: (r) => {
      const methods = Array.isArray(r.method) ? r.method : [r.method];
      for (const m of methods) {
        if (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && m !== 'HEAD')
          registered.add(`${m} ${r.url}`);
      }
    },
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('route access table', () => {
  it('has an entry for every API route, and no stale entries', () => {
    expect([...registered].sort()).toEqual(Object.keys(ACCESS).sort());
  });

  it.each(Object.entries(ACCESS))(
    '%s answers %j to an anonymous caller',
    async (route, expected) => {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
      const url = path.replace(':code', '15.08');
      const res = await app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
      expect(res.statusCode).toBe(expected.anonymous);
    },
  );
});
