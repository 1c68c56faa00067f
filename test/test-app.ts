import type { FastifyInstance, RouteOptions } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import type { TestDatabase } from './test-db.ts';
import type { UserFixture } from './factories.ts';

export async function buildTestApp(
  tdb: TestDatabase,
  overrides: {
    loginRatePerMinute?: number;
    now?: () => Date;
    webDir?: string;
    onRoute?: (route: RouteOptions) => void;
  } = {},
): Promise<FastifyInstance> {
  const app = await buildApp({
    database: tdb.database,
    config: {
      session: { idleMinutes: 60, maxHours: 12 },
      loginRatePerMinute: overrides.loginRatePerMinute ?? 1000,
      cookieSecure: false,
      webDir: overrides.webDir ?? '/nonexistent',
      logLevel: 'silent',
    },
    logger: false,
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.onRoute ? { onRoute: overrides.onRoute } : {}),
  });
  await app.ready();
  return app;
}

/** Logs in through the API and returns the Cookie header to send with later requests. */
export async function loginAs(
  app: FastifyInstance,
  user: Pick<UserFixture, 'me' | 'password'>,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.me.username, password: user.password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'jaring_sesi');
  expect(cookie).toBeDefined();
  return `jaring_sesi=${cookie!.value}`;
}
