import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../../core/modules/workers/index.ts';
import { aUser } from '../../../test/factories.ts';
import { aProgram } from '../../../test/program-factories.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
let programId = '';
let teboProgramId = '';
const cookies: Record<string, string> = {};
const PEDUKUN = '15.08.01.2001';
const NIK = {
  siti: '1508014107850001', // Pedukun, born 1 July 1985
  harun: '1508011003550002', // Pedukun, born 10 March 1955: too old
  sri: '1508024107850003', // Rantau Duku
};

const get = (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const post = (url: string, payload: object, cookie?: string) =>
  app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  tdb = await createTestDatabase();
  // 20 November 2026 in Jakarta: before the 2027 program starts
  app = await buildTestApp(tdb, { now: () => new Date('2026-11-20T03:00:00Z') });
  const users = {
    op: await aUser(tdb, { role: 'village_operator', scope: PEDUKUN }),
    camat: await aUser(tdb, { role: 'district_officer', scope: '15.08.01' }),
    dinas: await aUser(tdb, { role: 'regency_admin', scope: '15.08' }),
    tebo: await aUser(tdb, { role: 'regency_admin', scope: '15.09' }),
  };
  for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(app, u);
  const seed = (nik: string, fullName: string, birthDate: string, sex: 'L' | 'P', v: string) =>
    createWorker(tdb.ctx(), { nik, fullName, birthDate, sex, villageCode: v, occupationCode: 9 });
  await seed(NIK.siti, 'Siti Aminah', '1985-07-01', 'P', PEDUKUN);
  await seed(NIK.harun, 'Harun Rasyid', '1955-03-10', 'L', PEDUKUN);
  await seed(NIK.sri, 'Sri Wahyuni', '1985-07-01', 'P', '15.08.02.2001');
  programId = (await aProgram(tdb, { seats: { [PEDUKUN]: 25 } })).id;
  teboProgramId = (await aProgram(tdb, { ownerRegion: '15.09', seats: { '15.09.01.1001': 5 } })).id;
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('enrollment routes', () => {
  it('rejects unauthenticated requests', async () => {
    expect((await get('/api/enrollments/overview')).statusCode).toBe(401);
    expect((await get(`/api/programs/${programId}/enrollments`)).statusCode).toBe(401);
    expect((await get(`/api/programs/${programId}/candidates`)).statusCode).toBe(401);
    expect(
      (await post(`/api/programs/${programId}/enrollments`, { niks: [NIK.siti] })).statusCode,
    ).toBe(401);
    for (const step of ['verify', 'approve', 'return', 'withdraw'])
      expect((await post(`/api/enrollments/${step}`, { ids: [programId] })).statusCode).toBe(401);
  });

  it('rejects out-of-scope programs and villages', async () => {
    expect((await get(`/api/programs/${teboProgramId}/enrollments`, cookies.op)).statusCode).toBe(
      404,
    );
    const res = await post(
      `/api/programs/${programId}/enrollments`,
      { niks: [NIK.sri], village: '15.08.02.2001' },
      cookies.op,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Wilayah ini di luar cakupan akun Anda.');
  });

  let sitiEnrollment = '';

  it('proposes by NIK with a result per NIK', async () => {
    const res = await post(
      `/api/programs/${programId}/enrollments`,
      { niks: [NIK.siti, NIK.harun, NIK.sri] },
      cookies.op,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ enrolled: 1, refused: 2, seats: 25, filled: 1 });
    expect(body.results).toMatchObject([
      { nik: NIK.siti, nikMasked: '150801xxxxxx0001', status: 'enrolled', fullName: 'Siti Aminah' },
      {
        nik: NIK.harun,
        status: 'refused',
        reasons: ['Usia 71 tahun pada 1 Januari 2027; maksimal 65 tahun.'],
      },
      { nik: NIK.sri, status: 'refused', fullName: null },
    ]);
    sitiEnrollment = body.results[0].enrollmentId;
    expect(sitiEnrollment).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a malformed body with an Indonesian message', async () => {
    const res = await post(`/api/programs/${programId}/enrollments`, {}, cookies.op);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Isi daftar NIK atau pilih pekerja (salah satu).');
    const step = await post('/api/enrollments/verify', { ids: [] }, cookies.camat);
    expect(step.statusCode).toBe(400);
    expect(step.json().error.message).toBe('Pilih minimal satu peserta.');
  });

  it('suggests candidates and lists enrollments in scope', async () => {
    const cand = await get(`/api/programs/${programId}/candidates`, cookies.op);
    expect(cand.statusCode, cand.body).toBe(200);
    expect(cand.json()).toMatchObject({
      village: { code: PEDUKUN, name: 'Pedukun', seats: 25, filled: 1, remaining: 24 },
      eligible: [],
      ineligible: [{ fullName: 'Harun Rasyid' }],
    });
    const list = await get(`/api/programs/${programId}/enrollments?status=proposed`, cookies.camat);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      seats: 25,
      filled: 1,
      items: [
        { id: sitiEnrollment, fullName: 'Siti Aminah', canVerify: true, villageName: 'Pedukun' },
      ],
    });
    expect(list.body).not.toContain(NIK.siti);
    const bad = await get(`/api/programs/${programId}/enrollments?status=entah`, cookies.camat);
    expect(bad.statusCode).toBe(400);
    const overview = await get('/api/enrollments/overview', cookies.dinas);
    expect(overview.json().items).toMatchObject([
      { program: { id: programId }, seats: 25, filled: 1, counts: { proposed: 1 } },
    ]);
  });

  it('takes the chain steps with per-id results', async () => {
    const verify = await post('/api/enrollments/verify', { ids: [sitiEnrollment] }, cookies.camat);
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toEqual({
      results: [
        {
          id: sitiEnrollment,
          result: 'done',
          status: 'verified',
          fullName: 'Siti Aminah',
          message: null,
        },
      ],
      done: 1,
      refused: 0,
    });
    const tebo = await post('/api/enrollments/approve', { ids: [sitiEnrollment] }, cookies.tebo);
    expect(tebo.json().results[0]).toMatchObject({
      result: 'refused',
      message: 'Peserta tidak ditemukan.',
    });
    const noReason = await post(
      '/api/enrollments/return',
      { ids: [sitiEnrollment] },
      cookies.dinas,
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('Alasan pengembalian wajib diisi.');
    const approve = await post(
      '/api/enrollments/approve',
      { ids: [sitiEnrollment] },
      cookies.dinas,
    );
    expect(approve.json()).toMatchObject({ done: 1, results: [{ status: 'approved' }] });
    const forbidden = await post(
      '/api/enrollments/approve',
      { ids: [sitiEnrollment] },
      cookies.camat,
    );
    expect(forbidden.statusCode).toBe(403);
    const list = await get(`/api/programs/${programId}/enrollments`, cookies.op);
    expect(list.json().items[0]).toMatchObject({
      status: 'approved',
      statusLabel: 'disetujui kabupaten',
      canWithdraw: false,
    });
  });

  it('documents the routes in OpenAPI with Indonesian summaries', async () => {
    const spec = (await get('/api/docs/json')).json();
    expect(spec.paths['/api/programs/{id}/enrollments'].post.summary).toContain(
      'Desa mengusulkan peserta',
    );
    expect(spec.paths['/api/enrollments/return'].post.summary).toContain('dengan alasan');
  });
});
