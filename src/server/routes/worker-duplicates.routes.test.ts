import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../core/modules/workers/index.ts';
import { aUser } from '../../../test/factories.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
let dinasBungo: string;
let dinasTebo: string;
let operator: string;
/** Two pairs in Bungo (Tanah Tumbuh and Rantau Pandan), one in Tebo. */
const ids: Record<string, string> = {};

async function seed(key: string, nik: string, fullName: string, villageCode: string) {
  const w = await createWorker(tdb.ctx(), {
    nik,
    fullName,
    birthDate: '1985-07-01',
    sex: 'P',
    villageCode,
    occupationCode: 9,
  });
  ids[key] = w.id;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb);
  dinasBungo = await loginAs(app, await aUser(tdb, { role: 'regency_admin', scope: '15.08' }));
  dinasTebo = await loginAs(app, await aUser(tdb, { role: 'regency_admin', scope: '15.09' }));
  operator = await loginAs(
    app,
    await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' }),
  );
  await seed('siti1', '1508014107850001', 'Siti Aminah', '15.08.01.2001');
  await seed('siti2', '1508024107850002', 'SITI AMINAH', '15.08.02.2001');
  await seed('nur1', '1508014107850003', 'Nur Aini', '15.08.01.2001');
  await seed('nur2', '1508014107850004', 'Nur Aini', '15.08.01.2002');
  await seed('tebo1', '1509014107850005', 'Sri Wahyuni', '15.09.01.1001');
  await seed('tebo2', '1509014107850006', 'Sri Wahyuni', '15.09.01.1001');
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const get = (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const post = (url: string, payload: object, cookie?: string) =>
  app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });

describe('possible duplicate routes', () => {
  it('rejects unauthenticated requests', async () => {
    expect((await get('/api/workers/duplicates')).statusCode).toBe(401);
    const body = { workerA: ids.siti1!, workerB: ids.siti2! };
    expect((await post('/api/workers/duplicates/different', body)).statusCode).toBe(401);
    const merge = { keepId: ids.siti1!, mergeId: ids.siti2! };
    expect((await post('/api/workers/duplicates/merge', merge)).statusCode).toBe(401);
  });

  it('rejects out-of-scope pairs as not found, and village operators outright', async () => {
    const res = await post(
      '/api/workers/duplicates/merge',
      { keepId: ids.tebo1!, mergeId: ids.tebo2! },
      dinasBungo,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Pekerja tidak ditemukan.');
    const list = await get('/api/workers/duplicates', operator);
    expect(list.statusCode).toBe(403);
    expect(list.json().error.message).toBe('Anda tidak memiliki hak untuk tindakan ini.');
  });

  it('lists the pairs of the own regency, masked, not swallowed by /api/workers/:id', async () => {
    const res = await get('/api/workers/duplicates?page=1', dinasBungo);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    const names = body.items.map((p: { a: { fullName: string } }) => p.a.fullName).sort();
    expect(names).toEqual(['Nur Aini', expect.stringMatching(/^siti aminah$/i)]);
    expect(res.body).not.toContain('1508014107850001');
    expect(res.body).toContain('150801xxxxxx0001');
    const tebo = (await get('/api/workers/duplicates', dinasTebo)).json();
    expect(tebo.total).toBe(1);
    expect(tebo.items[0].a.fullName).toBe('Sri Wahyuni');
    const district = (await get('/api/workers/duplicates?region=15.08.02', dinasBungo)).json();
    expect(district.total).toBe(1);
  });

  it('refuses bad input with an Indonesian message', async () => {
    const same = await post(
      '/api/workers/duplicates/merge',
      { keepId: ids.siti1!, mergeId: ids.siti1! },
      dinasBungo,
    );
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toContain('harus berbeda');
    const page = await get('/api/workers/duplicates?page=0', dinasBungo);
    expect(page.statusCode).toBe(400);
  });

  it('marks a pair as different people, then refuses a second decision with 409', async () => {
    const res = await post(
      '/api/workers/duplicates/different',
      { workerA: ids.nur2!, workerB: ids.nur1! },
      dinasBungo,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ decision: 'different', keptId: null, regencyCode: '15.08' });
    const again = await post(
      '/api/workers/duplicates/merge',
      { keepId: ids.nur1!, mergeId: ids.nur2! },
      dinasBungo,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/sudah ditandai sebagai orang berbeda/);
  });

  it('merges a pair: the merged worker still opens, pointing at the kept one', async () => {
    const res = await post(
      '/api/workers/duplicates/merge',
      { keepId: ids.siti1!, mergeId: ids.siti2! },
      dinasBungo,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      decision: 'merged',
      keptId: ids.siti1,
      moved: { heirs: 0, children: 0 },
    });
    const merged = await get(`/api/workers/${ids.siti2}`, dinasBungo);
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ mergedInto: ids.siti1, canEdit: false });
    const list = (await get('/api/workers?q=siti', dinasBungo)).json();
    expect(list.items.map((w: { id: string }) => w.id)).toEqual([ids.siti1]);
    const left = (await get('/api/workers/duplicates', dinasBungo)).json();
    expect(left).toMatchObject({ total: 0, items: [] });
  });
});
