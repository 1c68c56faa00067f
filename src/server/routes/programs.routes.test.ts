import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../../../test/factories.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
let dinas: string;
let tebo: string;
let pedukunOp: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb);
  dinas = await loginAs(
    app,
    await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' }),
  );
  tebo = await loginAs(app, await aUser(tdb, { role: 'regency_admin', scope: '15.09' }));
  pedukunOp = await loginAs(
    app,
    await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' }),
  );
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (method: Method, url: string, cookie?: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

/** The request of the issue, as an integrator sends it. */
const BUNGO = {
  name: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2027',
  ownerRegion: '15.08',
  funderType: 'apbd_kabkota',
  budgetReference: 'DPA 1.02.0.00.0.00.01.0000',
  firstMonth: '2027-01',
  lastMonth: '2027-12',
  package: ['JKK', 'JKM'],
  declaredIncome: 1_000_000,
  eligibility: { minAge: 15, maxAge: 65 },
  quota: { rule: 'per_village', seats: 25, villageKinds: ['desa'] },
};

const BOUNDARY = '----jaring-kursi';
const upload = (url: string, cookie: string, text: string, fileName = 'kursi.csv') =>
  app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: [
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
      text,
      `\r\n--${BOUNDARY}--\r\n`,
    ].join(''),
  });

describe('program routes', () => {
  const ID = '00000000-0000-4000-8000-000000000000';
  let id = '';

  it('rejects unauthenticated requests', async () => {
    const routes: [Method, string][] = [
      ['GET', '/api/programs'],
      ['POST', '/api/programs'],
      ['GET', `/api/programs/${ID}`],
      ['PATCH', `/api/programs/${ID}`],
      ['POST', `/api/programs/${ID}/activate`],
      ['POST', `/api/programs/${ID}/close`],
      ['GET', `/api/programs/${ID}/allocations`],
      ['PUT', `/api/programs/${ID}/allocations`],
      ['POST', `/api/programs/${ID}/allocations/import`],
    ];
    for (const [method, url] of routes) {
      const res = await call(method, url, undefined, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('creates the program of the issue: 201, a draft with 3,525 seats', async () => {
    const res = await call('POST', '/api/programs', dinas, BUNGO);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    id = body.id;
    expect(body).toMatchObject({
      status: 'draft',
      fiscalYear: 2027,
      seats: 3_525,
      villages: 141,
      money: { costPerSeat: 201_600, cost: 710_640_000 },
      eligibility: { minAge: 15, maxAge: 65, segments: [], occupations: [], maxDecile: null },
    });
  });

  it('refuses a bad request with Indonesian messages per field', async () => {
    const res = await call('POST', '/api/programs', dinas, {
      ...BUNGO,
      firstMonth: '2027-12',
      lastMonth: '2027-01',
      quota: { rule: 'kuota' },
    });
    expect(res.statusCode).toBe(400);
    const { issues } = res.json().error.details;
    expect(issues).toEqual(
      expect.arrayContaining([
        {
          path: 'isian.quota.rule',
          message: 'Aturan kuota harus per_village, explicit atau budget_per_village.',
        },
      ]),
    );
  });

  it('lists, reads and changes the draft', async () => {
    const list = await call('GET', '/api/programs?year=2027&status=draft', dinas);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id, name: BUNGO.name, ownerRegionName: 'Kabupaten Bungo', seats: 3_525 }],
    });
    expect((await call('GET', `/api/programs/${id}`, pedukunOp)).json()).toMatchObject({
      seats: 25,
      permissions: { manage: false },
    });
    const patched = await call('PATCH', `/api/programs/${id}`, dinas, {
      quota: { rule: 'explicit' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().seats).toBe(3_525);
    expect(
      (await call('PATCH', `/api/programs/${id}`, pedukunOp, { name: 'Nama lain' })).statusCode,
    ).toBe(403);
  });

  it('sets seats typed and imported, and reports the rows it refused', async () => {
    const put = await call('PUT', `/api/programs/${id}/allocations`, dinas, [
      { villageCode: '15.08.01.2001', seats: 100 },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ villages: 141, seats: 3_600 });
    const bad = await call('PUT', `/api/programs/${id}/allocations`, dinas, [
      { villageCode: '13.03.03.2001', seats: 1 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe(
      'Timbulun (13.03.03.2001) di luar wilayah program (Kabupaten Bungo).',
    );
    const res = await upload(
      `/api/programs/${id}/allocations/import`,
      dinas,
      'kode_desa,kursi\n15.08.01.2002,50\n15.08.99.2001,3\n',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      fileName: 'kursi.csv',
      rows: 2,
      applied: 1,
      villages: 141,
      seats: 3_625,
      errors: [
        {
          line: 3,
          villageCode: '15.08.99.2001',
          reason: 'Desa dengan kode 15.08.99.2001 tidak ada di register wilayah.',
        },
      ],
    });
    const pdf = await upload(`/api/programs/${id}/allocations/import`, dinas, 'x', 'kursi.pdf');
    expect(pdf.statusCode).toBe(400);
  });

  it('drills down from the regency to a district and a village', async () => {
    const regency = await call('GET', `/api/programs/${id}/allocations`, dinas);
    expect(regency.statusCode).toBe(200);
    const body = regency.json();
    expect([body.region, body.seats, body.villages, body.children.length]).toEqual([
      '15.08',
      3_625,
      141,
      17,
    ]);
    expect(body.children[0]).toMatchObject({
      region: '15.08.01',
      name: 'Tanah Tumbuh',
      level: 'district',
    });
    const district = (
      await call('GET', `/api/programs/${id}/allocations?region=15.08.01`, dinas)
    ).json();
    expect(district.children[0]).toEqual({
      region: '15.08.01.2001',
      name: 'Pedukun',
      level: 'village',
      kind: 'desa',
      retired: false,
      seats: 100,
      filled: 0,
    });
    expect(
      (await call('GET', `/api/programs/${id}/allocations?region=1508012001`, dinas)).json(),
    ).toMatchObject({ region: '15.08.01.2001', seats: 100, children: [] });
    expect(
      (await call('GET', `/api/programs/${id}/allocations?region=15.09`, dinas)).statusCode,
    ).toBe(404);
  });

  it('downloads the seats of a district village by village, as Excel and as a PDF', async () => {
    const xlsx = await call('GET', `/api/programs/${id}/allocations.xlsx?region=15.08.01`, dinas);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toMatch(
      /^attachment; filename="rekap-kursi-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const pdf = await call('GET', `/api/programs/${id}/allocations.pdf?region=15.08.01`, dinas);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const wrong = await call('GET', `/api/programs/${id}/allocations.pdf?region=bukan`, dinas);
    expect(wrong.statusCode).toBe(400);
  });

  it('activates and closes; out of scope the program does not exist', async () => {
    expect((await call('GET', `/api/programs/${id}`, tebo)).statusCode).toBe(404);
    expect((await call('POST', `/api/programs/${id}/activate`, tebo, {})).statusCode).toBe(404);
    const active = await call('POST', `/api/programs/${id}/activate`, dinas, {});
    expect([active.statusCode, active.json().status]).toEqual([200, 'active']);
    const again = await call('POST', `/api/programs/${id}/activate`, dinas, {});
    expect(again.statusCode).toBe(409);
    const closed = await call('POST', `/api/programs/${id}/close`, dinas, {});
    expect([closed.statusCode, closed.json().status]).toEqual([200, 'closed']);
  });

  it('documents every route in OpenAPI with an Indonesian summary', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const ops = [
      ['/api/programs', 'get'],
      ['/api/programs', 'post'],
      ['/api/programs/{id}', 'get'],
      ['/api/programs/{id}', 'patch'],
      ['/api/programs/{id}/activate', 'post'],
      ['/api/programs/{id}/close', 'post'],
      ['/api/programs/{id}/allocations', 'get'],
      ['/api/programs/{id}/allocations', 'put'],
      ['/api/programs/{id}/allocations/import', 'post'],
    ];
    for (const [path, method] of ops) {
      expect(spec.paths[path!]?.[method!]?.summary, `${method} ${path}`).toMatch(/^[A-Z]/);
    }
    expect(spec.paths['/api/programs'].post.summary).toContain('Membuat program');
  });
});
