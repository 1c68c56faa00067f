import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../../../test/factories.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
let admin: string;
let dinasBungo: string;
let operator: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb);
  admin = await loginAs(app, await aUser(tdb, { role: 'admin' }));
  dinasBungo = await loginAs(app, await aUser(tdb, { role: 'regency_admin', scope: '15.08' }));
  operator = await loginAs(
    app,
    await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' }),
  );
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const get = (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('region routes', () => {
  it('rejects unauthenticated requests', async () => {
    for (const url of ['/api/regions', '/api/regions/15.08', '/api/regions?q=bungo']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(401);
    }
    const put = await app.inject({
      method: 'PUT',
      url: '/api/regions/15.08/local-term',
      payload: { villageTerm: 'Dusun' },
    });
    expect(put.statusCode).toBe(401);
  });

  it('rejects out-of-scope changes: a regency admin sets the term of the own regency only', async () => {
    const own = await app.inject({
      method: 'PUT',
      url: '/api/regions/15.08/local-term',
      headers: { cookie: dinasBungo },
      payload: { villageTerm: 'Dusun', villageHeadTitle: 'Rio' },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({ villageTerm: 'Dusun', villageHeadTitle: 'Rio', setOn: '15.08' });
    const other = await app.inject({
      method: 'PUT',
      url: '/api/regions/13.03/local-term',
      headers: { cookie: dinasBungo },
      payload: { villageTerm: 'Nagari' },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('Wilayah ini di luar cakupan akun Anda.');
    const byOperator = await app.inject({
      method: 'DELETE',
      url: '/api/regions/15.08/local-term',
      headers: { cookie: operator },
    });
    expect(byOperator.statusCode).toBe(403);
    expect(byOperator.json().error.message).toBe('Anda tidak memiliki hak untuk tindakan ini.');
  });

  it('tells the screen whether the user may set the local term here', async () => {
    const flag = async (url: string, cookie: string) =>
      (await get(url, cookie)).json().permissions.setLocalTerm;
    expect(await flag('/api/regions/15.08', dinasBungo)).toBe(true);
    expect(await flag('/api/regions/15', dinasBungo)).toBe(false);
    expect(await flag('/api/regions/15.09', dinasBungo)).toBe(false);
    expect(await flag('/api/regions/15.08', operator)).toBe(false);
    expect(await flag('/api/regions/15', admin)).toBe(true);
    expect(await flag('/api/regions/15.08.01', admin)).toBe(false);
  });

  it('lists the 38 provinces, then children of a region with their counts', async () => {
    const provinces = await get('/api/regions', operator);
    expect(provinces.statusCode).toBe(200);
    expect(provinces.json().total).toBe(38);
    const bungo = await get('/api/regions?parent=15.08', operator);
    const body = bungo.json();
    expect(body.total).toBe(17);
    const sum = (k: string) =>
      body.items.reduce((s: number, d: { counts: Record<string, number> }) => s + d.counts[k]!, 0);
    expect([sum('desa'), sum('kelurahan')]).toEqual([141, 12]);
  });

  it('returns a region with ancestors, counts and the local term in the documented shape', async () => {
    const res = await get('/api/regions/15.08.01.2001', operator);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '15.08.01.2001',
      level: 'village',
      kind: 'desa',
      parentCode: '15.08.01',
      ancestors: [
        { code: '15', name: 'Jambi' },
        { code: '15.08', name: 'Kabupaten Bungo' },
        { code: '15.08.01' },
      ],
      counts: { regencies: 0, districts: 0, villages: 0, desa: 0, kelurahan: 0 },
    });
  });

  it('answers 404 for an unknown code and 400 for a malformed one, in Indonesian', async () => {
    const unknown = await get('/api/regions/15.98', admin);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'Wilayah dengan kode 15.98 tidak ditemukan.',
        details: { code: '15.98' },
      },
    });
    for (const bad of ['15.8', 'abc', '15.08.01.20011']) {
      const res = await get(`/api/regions/${bad}`, admin);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.message).toMatch(/^Kode wilayah tidak valid/);
    }
    const badParent = await get('/api/regions?parent=xx', admin);
    expect(badParent.statusCode).toBe(400);
  });

  it('searches by name and by code, paginated', async () => {
    const res = await get('/api/regions?q=bungo&page=1&pageSize=2', admin);
    expect(res.json()).toMatchObject({ page: 1, pageSize: 2, items: [{ code: '15.08' }, {}] });
    expect(res.json().items).toHaveLength(2);
    const code = await get('/api/regions?q=1508&pageSize=1', admin);
    expect(code.json().items[0].code).toBe('15.08');
    const short = await get('/api/regions?q=b', admin);
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toBe(
      'Ketik minimal 2 huruf atau angka untuk mencari wilayah.',
    );
    const big = await get('/api/regions?q=bungo&pageSize=5000', admin);
    expect(big.statusCode).toBe(400);
  });

  it('validates the local term with messages for the form', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/regions/15.08/local-term',
      headers: { cookie: admin },
      payload: { villageTerm: '1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Istilah desa minimal 2 huruf.');
    const district = await app.inject({
      method: 'PUT',
      url: '/api/regions/15.08.01/local-term',
      headers: { cookie: admin },
      payload: { villageTerm: 'Dusun' },
    });
    expect(district.statusCode).toBe(400);
  });
});
