import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../../../test/factories.ts';
import { aProgram } from '../../../test/program-factories.ts';
import { aWorker, anEnrollment, readXlsx } from '../../../test/bpjs-factories.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { setLifeStatus } from '../../core/modules/workers/index.ts';
import { XLSX_TYPE } from './common.ts';

const PEDUKUN = '15.08.01.2001';
/** Mid-May 2027 in Jakarta. */
const NOW = () => new Date('2027-05-20T03:00:00Z');
let tdb: TestDatabase;
let app: FastifyInstance;
let dinas = '';
let dinasTebo = '';
let operator = '';
let programId = '';
let ended = '';
const w: Record<string, { id: string; nik: string }> = {};

const post = (url: string, payload: object, cookie?: string) =>
  app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
const get = (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb, { now: NOW });
  dinas = await loginAs(app, await aUser(tdb, { role: 'regency_admin', scope: '15.08' }));
  dinasTebo = await loginAs(app, await aUser(tdb, { role: 'regency_admin', scope: '15.09' }));
  operator = await loginAs(app, await aUser(tdb, { role: 'village_operator', scope: PEDUKUN }));
  programId = (
    await aProgram(tdb, {
      name: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2027',
      firstMonth: '2027-01-01',
      lastMonth: '2027-06-01',
      seats: { [PEDUKUN]: 25 },
    })
  ).id;
  w.budi = await aWorker(tdb, 'Budi Santoso', PEDUKUN, { sex: 'L' });
  w.siti = await aWorker(tdb, 'Siti Aminah', PEDUKUN);
  w.nur = await aWorker(tdb, 'Nur Aini', PEDUKUN);
  ended = await anEnrollment(tdb, {
    programId,
    workerId: w.budi.id,
    villageCode: PEDUKUN,
    status: 'active',
    lastMonth: '2027-06-01',
  });
  await anEnrollment(tdb, {
    programId,
    workerId: w.siti.id,
    villageCode: PEDUKUN,
    status: 'active',
    lastMonth: '2027-06-01',
  });
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('continuity routes', () => {
  it('rejects unauthenticated requests', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await post(`/api/enrollments/${id}/end`, {})).statusCode).toBe(401);
    expect((await post(`/api/enrollments/${id}/replace`, {})).statusCode).toBe(401);
    expect((await get('/api/continuity')).statusCode).toBe(401);
    expect((await get('/api/continuity.xlsx')).statusCode).toBe(401);
    expect((await get('/api/continuity.pdf')).statusCode).toBe(401);
    expect((await post(`/api/programs/${programId}/renew`, {})).statusCode).toBe(401);
  });

  it('rejects out-of-scope callers', async () => {
    const end = await post(
      `/api/enrollments/${ended}/end`,
      { reason: 'dead', from: '2027-04-03' },
      dinasTebo,
    );
    expect(end.statusCode).toBe(404);
    expect(end.json().error.message).toBe('Kepesertaan tidak ditemukan.');
    const renew = await post(
      `/api/programs/${programId}/renew`,
      { firstMonth: '2027-07', lastMonth: '2027-12' },
      dinasTebo,
    );
    expect(renew.statusCode).toBe(404);
    expect((await get('/api/continuity?region=15.08', operator)).statusCode).toBe(403);
    const file = await get('/api/continuity.pdf?region=15.08', operator);
    expect(file.statusCode).toBe(403);
    expect(file.json().error.message).toBe('Wilayah ini di luar cakupan akun Anda.');
  });

  it('refuses bad input with Indonesian messages per field', async () => {
    const res = await post(
      `/api/enrollments/${ended}/end`,
      { reason: 'lupa', from: '2027-02-30' },
      dinas,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'isian.reason',
          message: 'Alasan harus dead, moved, ineligible atau other.',
        }),
        expect.objectContaining({
          path: 'isian.from',
          message: 'Tanggal berakhir harus tanggal yang benar (TTTT-BB-HH).',
        }),
      ]),
    );
    const days = await get('/api/continuity?days=500', dinas);
    expect(days.statusCode).toBe(400);
    expect(days.json().error.message).toBe('Jumlah hari harus angka 1–366.');
  });

  it('lists the workers whose protection ends within 45 days', async () => {
    const res = await get('/api/continuity', dinas);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ days: 45, today: '2027-05-20', total: 2 });
    expect(res.json().villages[0]).toMatchObject({ code: PEDUKUN, name: 'Pedukun', count: 2 });
  });

  it('downloads the same list as Excel and as a PDF to print', async () => {
    const xlsx = await get('/api/continuity.xlsx?days=45', dinas);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="segera-berakhir-2027-05-20.xlsx"',
    );
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[0]![0]).toBe('Perlindungan segera berakhir: dalam 45 hari');
    expect(rows[3]![0]).toBe('2 pekerja di 1 desa/kelurahan');
    // readXlsx skips the empty row under the heading
    expect(rows[4]![1]).toBe('Nama');
    expect(rows.slice(5).map((r) => [r[1], r[2], r[3], r[6], r[7]])).toEqual(
      [w.budi!, w.siti!].map((x, i) => [
        i === 0 ? 'Budi Santoso' : 'Siti Aminah',
        `${x.nik.slice(0, 6)}xxxxxx${x.nik.slice(12)}`,
        'Pedukun',
        '30 Juni 2027',
        '41',
      ]),
    );
    const pdf = await get('/api/continuity.pdf', operator);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Budi Santoso');
    expect(text).toContain('Siti Aminah');
    const bad = await get('/api/continuity.pdf?days=0', dinas);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Jumlah hari harus angka 1–366.');
    // in the OpenAPI document, with the page's filters
    const spec = (await get('/api/docs/json')).json();
    const doc = spec.paths['/api/continuity.pdf'].get;
    expect(doc.summary).toContain('paling banyak 5.000 baris');
    expect(doc.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['days', 'region']);
    expect(spec.paths['/api/continuity.xlsx'].get.summary).toContain('sebagai Excel');
  });

  it('ends a seat and lets the village propose the replacement', async () => {
    const end = await post(
      `/api/enrollments/${ended}/end`,
      { reason: 'dead', from: '2027-04-03', note: 'Kecelakaan di kebun.' },
      dinas,
    );
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json()).toMatchObject({
      status: 'ended',
      lastMonth: '2027-04',
      endedFrom: '2027-04-03',
    });
    const replace = await post(`/api/enrollments/${ended}/replace`, { nik: w.nur!.nik }, operator);
    expect(replace.statusCode, replace.body).toBe(201);
    expect(replace.json()).toMatchObject({
      status: 'proposed',
      workerName: 'Nur Aini',
      firstMonth: '2027-05',
      lastMonth: '2027-06',
      replacesId: ended,
    });
    const again = await post(`/api/enrollments/${ended}/replace`, { nik: w.siti!.nik }, operator);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Kursi ini sudah diisi pengganti: Nur Aini.');
  });

  it('ends a seat for a recorded death without a date, and refuses a seat not sent yet', async () => {
    const other = await aProgram(tdb, {
      name: 'Dana Desa Pedukun 2027',
      ownerRegion: PEDUKUN,
      funderType: 'apbdes',
      firstMonth: '2027-01-01',
      lastMonth: '2027-06-01',
      seats: { [PEDUKUN]: 10 },
    });
    const gone = await aWorker(tdb, 'Sulaiman', PEDUKUN, { sex: 'L' });
    const seat = await anEnrollment(tdb, {
      programId: other.id,
      workerId: gone.id,
      villageCode: PEDUKUN,
      status: 'active',
      lastMonth: '2027-06-01',
    });
    await setLifeStatus(tdb.ctx(undefined, NOW), gone.id, { status: 'dead', date: '2027-03-09' });
    const end = await post(`/api/enrollments/${seat}/end`, { reason: 'dead' }, dinas);
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json()).toMatchObject({ endedFrom: '2027-03-09', lastMonth: '2027-03' });
    const waiting = await aWorker(tdb, 'Rudi Hartono', PEDUKUN, { sex: 'L' });
    const approved = await anEnrollment(tdb, {
      programId: other.id,
      workerId: waiting.id,
      villageCode: PEDUKUN,
      status: 'approved',
      lastMonth: '2027-06-01',
    });
    const refused = await post(
      `/api/enrollments/${approved}/end`,
      { reason: 'moved', from: '2027-05-02' },
      dinas,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/^Peserta ini belum dikirim ke BPJS/);
    // an id that is not a UUID is simply not found
    const bad = await post(`/api/enrollments/${'-'.repeat(36)}/end`, { reason: 'dead' }, dinas);
    expect(bad.statusCode).toBe(404);
  });

  it('renews the program as a draft with its workers proposed again', async () => {
    const res = await post(
      `/api/programs/${programId}/renew`,
      {
        firstMonth: '2027-07',
        lastMonth: '2027-12',
        name: 'Perlindungan Pekerja Rentan Bungo Juli–Desember 2027',
      },
      dinas,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      program: { status: 'draft', firstMonth: '2027-07', previousId: programId },
      proposed: 1,
      left: [],
    });
    const forbidden = await post(
      `/api/programs/${programId}/renew`,
      { firstMonth: '2028-01', lastMonth: '2028-12' },
      operator,
    );
    expect(forbidden.statusCode).toBe(403);
    const list = (await get('/api/continuity', dinas)).json();
    expect(list.programs[0]).toMatchObject({ canRenew: false, renewal: { status: 'draft' } });
  });
});
