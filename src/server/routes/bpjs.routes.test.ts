import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../../../test/factories.ts';
import { aProgram } from '../../../test/program-factories.ts';
import { aWorker, anEnrollment, readXlsx } from '../../../test/bpjs-factories.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

const PEDUKUN = '15.08.01.2001';
const BOUNDARY = '----jaring-bpjs';
let tdb: TestDatabase;
let app: FastifyInstance;
let dinas = '';
let dinasTebo = '';
let bpjs = '';
let operator = '';
let programId = '';
const w: Record<string, { id: string; nik: string }> = {};

/** A file sent as a browser sends a form with one file field. */
function multipart(fileName: string, content: string | Buffer, type = 'text/csv') {
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  };
}

const get = (url: string, cookie?: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
const upload = (url: string, file: ReturnType<typeof multipart>, cookie?: string) =>
  app.inject({
    method: 'POST',
    url,
    headers: { ...file.headers, ...(cookie ? { cookie } : {}) },
    payload: file.payload,
  });

beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb);
  dinas = await loginAs(app, await aUser(tdb, { role: 'regency_admin', scope: '15.08' }));
  dinasTebo = await loginAs(app, await aUser(tdb, { role: 'regency_admin', scope: '15.09' }));
  bpjs = await loginAs(app, await aUser(tdb, { role: 'bpjs_officer', scope: ['15.08'] }));
  operator = await loginAs(app, await aUser(tdb, { role: 'village_operator', scope: PEDUKUN }));
  programId = (await aProgram(tdb, { seats: { [PEDUKUN]: 25 } })).id;
  for (const [key, name] of [
    ['siti', 'Siti Aminah'],
    ['nur', 'Nur Aini'],
    ['dewi', 'Dewi Lestari'],
  ] as const) {
    w[key] = await aWorker(tdb, name, PEDUKUN);
    await anEnrollment(tdb, {
      programId,
      workerId: w[key].id,
      villageCode: PEDUKUN,
      status: 'approved',
    });
  }
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('BPJS exchange routes', () => {
  let batchId = '';
  let resultId = '';
  const id = '00000000-0000-4000-8000-000000000000';

  it('rejects unauthenticated requests', async () => {
    for (const url of [
      `/api/programs/${programId}/bpjs`,
      `/api/programs/${programId}/enrollments/export`,
      `/api/bpjs-batches/${id}`,
      `/api/bpjs-batches/${id}/file`,
      `/api/bpjs-results/${id}`,
      `/api/bpjs-results/${id}/rejected.xlsx`,
    ])
      expect((await get(url)).statusCode, url).toBe(401);
    const res = await upload(`/api/programs/${programId}/bpjs-results`, multipart('a.csv', 'nik'));
    expect(res.statusCode).toBe(401);
  });

  it('rejects out-of-scope and unauthorised callers', async () => {
    expect((await get(`/api/programs/${programId}/bpjs`, dinasTebo)).statusCode).toBe(404);
    expect((await get(`/api/programs/${programId}/enrollments/export`, dinasTebo)).statusCode).toBe(
      404,
    );
    const res = await get(`/api/programs/${programId}/enrollments/export`, operator);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Anda tidak memiliki hak untuk tindakan ini.');
    expect((await get(`/api/programs/${programId}/enrollments/export`, bpjs)).statusCode).toBe(403);
  });

  it('answers ids that are not UUIDs with 404, and a closed program’s export with 409', async () => {
    const bad = '-'.repeat(36);
    expect((await get(`/api/bpjs-batches/${bad}`, dinas)).statusCode).toBe(404);
    expect((await get(`/api/bpjs-results/${bad}`, dinas)).statusCode).toBe(404);
    const closed = await aProgram(tdb, {
      name: 'Program Bungo Ditutup',
      status: 'closed',
      seats: { [PEDUKUN]: 25 },
    });
    const late = await aWorker(tdb, 'Agus Salim', PEDUKUN);
    await anEnrollment(tdb, {
      programId: closed.id,
      workerId: late.id,
      villageCode: PEDUKUN,
      status: 'approved',
    });
    const res = await get(`/api/programs/${closed.id}/enrollments/export`, dinas);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'Program ini sudah ditutup: peserta yang disetujui tidak dapat dikirim lagi ke BPJS.',
    );
  });

  it('refuses an export started from another site (a GET that changes data)', async () => {
    const res = await get(`/api/programs/${programId}/enrollments/export`, dinas, {
      'sec-fetch-site': 'cross-site',
    });
    expect(res.statusCode).toBe(403);
    const screen = await get(`/api/programs/${programId}/bpjs`, dinas);
    expect(screen.json().ready).toBe(3);
  });

  it('exports the batch as XLSX, names it, and shows it on the exchange screen', async () => {
    const res = await get(`/api/programs/${programId}/enrollments/export?format=xlsx`, dinas, {
      'sec-fetch-site': 'same-origin',
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    batchId = String(res.headers['x-batch-id']);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="bpjs-kirim-v1-${batchId.replace(/-/g, '').slice(0, 8)}.xlsx"`,
    );
    const rows = await readXlsx(res.rawPayload);
    expect(rows).toHaveLength(4);
    const screen = (await get(`/api/programs/${programId}/bpjs`, bpjs)).json();
    expect(screen).toMatchObject({ ready: 0, statuses: { sent: 3 } });
    expect(screen.batches).toEqual([
      expect.objectContaining({ id: batchId, rows: 3, regionCode: '15.08', statuses: { sent: 3 } }),
    ]);
    const again = await get(`/api/programs/${programId}/enrollments/export`, dinas);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Tidak ada peserta yang sudah disetujui dan belum dikirim ke BPJS di wilayah ini.',
    );
  });

  it('downloads the batch again as CSV for the branch, and lists its workers', async () => {
    const res = await get(`/api/bpjs-batches/${batchId}/file?format=csv`, bpjs);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toContain(w.siti!.nik);
    expect((await get(`/api/bpjs-batches/${batchId}/file`, dinasTebo)).statusCode).toBe(404);
    const detail = await get(`/api/bpjs-batches/${batchId}?pageSize=2`, bpjs);
    expect(detail.json()).toMatchObject({ rows: 3, page: 1, pageSize: 2 });
    expect(detail.json().members).toHaveLength(2);
    expect(detail.json().members[0].nik).toMatch(/^\d{6}x{6}\d{4}$/);
  });

  it('imports the answer (multipart), reports every row, and gives the rows not applied', async () => {
    const csv = [
      'nik;hasil;alasan;kpj;tanggal_efektif',
      `${w.siti!.nik};diterima;;23011234567;2027-01-01`,
      `${w.nur!.nik};ditolak;Data tidak padan Dukcapil;;`,
      `${w.dewi!.nik};diterima;;123;2027-01-01`,
      '1508010101010001;diterima;;23010000001;2027-01-01',
    ].join('\n');
    const res = await upload(
      `/api/programs/${programId}/bpjs-results`,
      multipart('jawaban-bpjs.csv', csv),
      bpjs,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    resultId = body.id;
    expect(body.counts).toMatchObject({
      total: 4,
      accepted: 1,
      rejected: 1,
      invalid: 1,
      unknown_nik: 1,
    });
    expect(body.rows.map((r: { message: string }) => r.message)).toEqual([
      'Nomor KPJ harus 11 digit angka.',
      'NIK tidak terdaftar di Jaring untuk wilayah Anda.',
    ]);
    const got = await get(`/api/bpjs-results/${resultId}`, dinas);
    expect(got.json().counts).toEqual(body.counts);
    const file = await get(`/api/bpjs-results/${resultId}/rejected.xlsx`, bpjs);
    expect(file.statusCode).toBe(200);
    const rows = await readXlsx(file.rawPayload);
    expect(rows.map((r) => r.at(-1))).toEqual([
      'alasan_tidak_diterapkan',
      'Nomor KPJ harus 11 digit angka.',
      'NIK tidak terdaftar di Jaring untuk wilayah Anda.',
    ]);
    const detail = (await get(`/api/bpjs-batches/${batchId}`, dinas)).json();
    const nur = detail.members.find((m: { workerId: string }) => m.workerId === w.nur!.id);
    expect(nur).toMatchObject({ status: 'rejected', reason: 'Data tidak padan Dukcapil' });
  });

  it('answers a bad upload with an Indonesian message', async () => {
    const noFile = await app.inject({
      method: 'POST',
      url: `/api/programs/${programId}/bpjs-results`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, cookie: bpjs },
      payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="catatan"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.message).toContain('Pilih berkas jawaban BPJS');
    const pdf = await upload(
      `/api/programs/${programId}/bpjs-results`,
      multipart('jawaban.pdf', 'x', 'application/pdf'),
      bpjs,
    );
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toBe('Berkas harus berformat Excel (.xlsx) atau CSV (.csv).');
    const badFormat = await get(`/api/bpjs-batches/${batchId}/file?format=pdf`, bpjs);
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().error.message).toBe('Format berkas harus xlsx atau csv.');
  });
});
