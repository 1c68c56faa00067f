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
let rantauOp: string;
let pedukunOp: string;
const ids: Record<string, string> = {};
const NIK = {
  siti: '1508014107850001', // Pedukun, Tanah Tumbuh
  nur: '1508014107850002', // Pedukun
  rantau: '1508024107850003', // Rantau Duku: already in the receiving village
};

async function seed(key: keyof typeof NIK, fullName: string, villageCode: string) {
  const w = await createWorker(tdb.ctx(), {
    nik: NIK[key],
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
  dinasBungo = await loginAs(
    app,
    await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' }),
  );
  dinasTebo = await loginAs(app, await aUser(tdb, { role: 'regency_admin', scope: '15.09' }));
  rantauOp = await loginAs(
    app,
    await aUser(tdb, { role: 'village_operator', scope: '15.08.02.2001', username: 'op.rantau' }),
  );
  pedukunOp = await loginAs(
    app,
    await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' }),
  );
  await seed('siti', 'Siti Aminah', '15.08.01.2001');
  await seed('nur', 'Nur Aini', '15.08.01.2001');
  await seed('rantau', 'Sri Wahyuni', '15.08.02.2001');
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const get = (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const post = (url: string, payload: object, cookie?: string) =>
  app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
const REASON = 'Menikah dan menetap di Rantau Duku.';

describe('worker move routes', () => {
  let requestId = '';

  it('rejects unauthenticated requests', async () => {
    expect((await get('/api/worker-moves')).statusCode).toBe(401);
    expect((await post('/api/worker-moves', { nik: NIK.siti, reason: REASON })).statusCode).toBe(
      401,
    );
    const id = '00000000-0000-4000-8000-000000000000';
    for (const step of ['approve', 'reject', 'withdraw']) {
      expect((await post(`/api/worker-moves/${id}/${step}`, { note: 'x' })).statusCode).toBe(401);
    }
  });

  it('files a request by NIK: 201, NIK masked, nothing else about the worker', async () => {
    const res = await post('/api/worker-moves', { nik: NIK.siti, reason: REASON }, rantauOp);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'pending',
      nikMasked: '150801xxxxxx0001',
      workerName: null,
      fromVillageName: null,
      toVillage: '15.08.02.2001',
      toVillageName: 'Rantau Duku',
      canWithdraw: true,
      canDecide: false,
    });
    expect(res.body).not.toContain(NIK.siti);
    expect(res.body).not.toContain('Siti');
    requestId = body.id;
  });

  it('refuses bad requests with Indonesian messages', async () => {
    const again = await post('/api/worker-moves', { nik: NIK.siti, reason: REASON }, rantauOp);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/masih menunggu keputusan/);
    const unknown = await post(
      '/api/worker-moves',
      { nik: '1508014107859999', reason: REASON },
      rantauOp,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({
      message: expect.stringContaining('belum terdaftar'),
      details: { issues: [{ path: 'nik' }] },
    });
    const here = await post('/api/worker-moves', { nik: NIK.rantau, reason: REASON }, rantauOp);
    expect(here.statusCode).toBe(409);
    expect(here.json().error.message).toContain('sudah terdaftar di desa tujuan');
    const noReason = await post('/api/worker-moves', { nik: NIK.nur }, rantauOp);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('Alasan pindah wajib diisi.');
    const elsewhere = await post(
      '/api/worker-moves',
      { nik: NIK.nur, toVillage: '15.08.01.2002', reason: REASON },
      rantauOp,
    );
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.message).toBe(
      'Desa/kelurahan 15.08.01.2002 di luar wilayah kerja Anda.',
    );
    const status = await get('/api/worker-moves?status=hilang', rantauOp);
    expect(status.statusCode).toBe(400);
  });

  it('shows the request to both sides and the regency admin, not to Tebo', async () => {
    for (const cookie of [rantauOp, pedukunOp, dinasBungo]) {
      const res = await get('/api/worker-moves?status=pending', cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([requestId]);
    }
    const admin = (await get('/api/worker-moves', dinasBungo)).json();
    expect(admin).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(admin.items[0]).toMatchObject({ workerName: 'Siti Aminah', canDecide: true });
    const tebo = await get('/api/worker-moves', dinasTebo);
    expect(tebo.json()).toMatchObject({ total: 0, items: [] });
    const decide = await post(`/api/worker-moves/${requestId}/approve`, {}, dinasTebo);
    expect(decide.statusCode).toBe(404);
    expect(decide.json().error.message).toBe('Permintaan pindah tidak ditemukan.');
  });

  it('lets only a regency admin decide, and a refusal needs a note', async () => {
    const byOperator = await post(`/api/worker-moves/${requestId}/approve`, {}, pedukunOp);
    expect(byOperator.statusCode).toBe(403);
    const noNote = await post(`/api/worker-moves/${requestId}/reject`, {}, dinasBungo);
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.message).toBe('Alasan penolakan wajib diisi.');
    const blank = await post(`/api/worker-moves/${requestId}/reject`, { note: '  ' }, dinasBungo);
    expect(blank.statusCode).toBe(400);
  });

  it('approves: the worker moves to the receiving village and shows in its list', async () => {
    const res = await post(
      `/api/worker-moves/${requestId}/approve`,
      { note: 'Surat pindah sudah diperiksa.' },
      dinasBungo,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      decidedBy: 'dinas.bungo',
      decisionNote: 'Surat pindah sudah diperiksa.',
    });
    const list = (await get('/api/workers?q=siti', rantauOp)).json();
    expect(list.items.map((w: { id: string }) => w.id)).toEqual([ids.siti]);
    const detail = (await get(`/api/workers/${ids.siti}`, rantauOp)).json();
    expect(detail).toMatchObject({ villageCode: '15.08.02.2001', canEdit: true });
    const mine = (await get('/api/worker-moves', rantauOp)).json();
    expect(mine.items[0]).toMatchObject({
      status: 'approved',
      workerName: 'Siti Aminah',
      workerId: ids.siti,
    });
    const twice = await post(`/api/worker-moves/${requestId}/approve`, {}, dinasBungo);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Permintaan ini sudah disetujui oleh dinas.bungo.');
  });

  it('rejects with a note, and the requester withdraws its own pending request', async () => {
    const first = (
      await post('/api/worker-moves', { nik: NIK.nur, reason: REASON }, rantauOp)
    ).json();
    const rejected = await post(
      `/api/worker-moves/${first.id}/reject`,
      { note: 'Belum ada surat pindah.' },
      dinasBungo,
    );
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decisionNote: 'Belum ada surat pindah.',
    });
    const second = (
      await post('/api/worker-moves', { nik: NIK.nur, reason: REASON }, rantauOp)
    ).json();
    const notMine = await post(`/api/worker-moves/${second.id}/withdraw`, {}, dinasBungo);
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.message).toBe(
      'Hanya pengaju (op.rantau) yang dapat menarik permintaan ini.',
    );
    const withdrawn = await post(`/api/worker-moves/${second.id}/withdraw`, {}, rantauOp);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    const statuses = (await get('/api/worker-moves', rantauOp))
      .json()
      .items.map((r: { status: string }) => r.status)
      .sort();
    expect(statuses).toEqual(['approved', 'rejected', 'withdrawn']);
  });
});
