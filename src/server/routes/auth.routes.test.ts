import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, type UserFixture } from '../../../test/factories.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
let user: UserFixture;
beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb);
  user = await aUser(tdb, {
    role: 'village_operator',
    scope: '15.08.01.2001',
    username: 'operator.pedukun',
  });
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('auth routes', () => {
  it('rejects unauthenticated calls to /me and /logout', async () => {
    for (const [method, url] of [
      ['GET', '/api/auth/me'],
      ['POST', '/api/auth/logout'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({
        error: {
          code: 'UNAUTHENTICATED',
          message: 'Sesi Anda berakhir atau Anda belum masuk. Silakan masuk lagi.',
        },
      });
    }
  });

  it('logs in with an HttpOnly, SameSite cookie and shows who is logged in', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'Operator.Pedukun', password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const expected = {
      id: user.me.id,
      username: 'operator.pedukun',
      displayName: user.me.displayName,
      role: 'village_operator',
      scope: ['15.08.01.2001'],
      language: 'id',
      permissions: [
        'regions.read',
        'settings.read',
        'personal.viewFull',
        'workers.read',
        'workers.create',
        'workers.update',
        'workers.requestMove',
        'budget.plan',
        'programs.read',
        'enrollments.replace',
        'enrollments.read',
        'enrollments.propose',
        'enrollments.withdraw',
      ],
      grantableRoles: ['village_operator'],
    };
    expect(res.json()).toEqual({ user: expected });
    const cookie = res.cookies.find((c) => c.name === 'jaring_sesi')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `jaring_sesi=${cookie.value}` },
    });
    expect(me.json()).toEqual({ user: expected });
  });

  it('logs out: the cookie stops working', async () => {
    const cookie = await loginAs(app, user);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('answers a wrong password with 401 and an Indonesian message, a locked account with 423 and Retry-After', async () => {
    const victim = await aUser(tdb);
    let res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: victim.me.username, password: 'bukan-sandinya' },
    });
    for (let i = 1; i < 5; i++) {
      res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: victim.me.username, password: 'bukan-sandinya' },
      });
    }
    expect(res.statusCode).toBe(423);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.json().error.message).toContain('Coba lagi dalam 15 menit');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.me.username, password: 'bukan-sandinya' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toMatch(/^Nama pengguna atau kata sandi salah\./);
  });

  it('refuses malformed bodies with 400 and a readable message', async () => {
    const empty = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '', password: '' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({
      code: 'VALIDATION',
      message: 'Nama pengguna wajib diisi.',
    });
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('VALIDATION');
  });

  it('rate-limits login attempts per address', async () => {
    const limited = await buildTestApp(tdb, { loginRatePerMinute: 3 });
    const codes = [];
    for (let i = 0; i < 4; i++) {
      const res = await limited.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'siapa', password: 'apa-saja-123' },
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429)
        expect(res.json().error.message).toBe(
          'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
        );
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    await limited.close();
  });

  it('refuses a state-changing request from another site (CSRF)', async () => {
    const cookie = await loginAs(app, user);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://jahat.example', host: 'localhost:3000' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('CSRF');
    const same = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'http://localhost:3000', host: 'localhost:3000' },
    });
    expect(same.statusCode).toBe(204);
  });
});
