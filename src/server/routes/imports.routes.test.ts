import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../../../test/factories.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
let operator: string;
let otherOperator: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb);
  operator = await loginAs(
    app,
    await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' }),
  );
  otherOperator = await loginAs(
    app,
    await aUser(tdb, { role: 'village_operator', scope: '15.08.02.2001' }),
  );
});
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

/** A multipart/form-data body as a browser sends it. */
function form(fields: Record<string, string>, file?: { name: string; content: string }) {
  const boundary = '----jaring-uji';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  if (file) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`,
    );
  }
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const CSV = [
  'nik,nama,tanggal_lahir,jenis_kelamin,kode_pekerjaan',
  '1508014107850001,Siti Aminah,1985-07-01,P,9',
  '1508011203900003,Rahmat Hidayat,1990-03-12,L,23',
  '150801,Salah,1990-03-12,L,23',
].join('\n');

describe('import routes', () => {
  it('rejects unauthenticated requests', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports/workers',
      ...form({ mode: 'preview' }, { name: 'a.csv', content: CSV }),
    });
    expect(res.statusCode).toBe(401);
  });

  it('previews without writing, then commits; the counts add up', async () => {
    const first = form({ mode: 'preview' }, { name: 'pedukun.csv', content: CSV });
    const preview = await app.inject({
      method: 'POST',
      url: '/api/imports/workers',
      payload: first.payload,
      headers: { ...first.headers, cookie: operator },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      mode: 'preview',
      counts: { total: 3, created: 2, rejected: 1 },
    });
    const list = await app.inject({
      method: 'GET',
      url: '/api/workers',
      headers: { cookie: operator },
    });
    expect(list.json().total).toBe(0);

    const body = form({ mode: 'commit' }, { name: 'pedukun.csv', content: CSV });
    const commit = await app.inject({
      method: 'POST',
      url: '/api/imports/workers',
      payload: body.payload,
      headers: { ...body.headers, cookie: operator },
    });
    expect(commit.json()).toMatchObject({
      mode: 'commit',
      counts: { total: 3, created: 2, rejected: 1 },
    });
    const { id } = commit.json();
    expect(
      (
        await app.inject({ method: 'GET', url: '/api/workers', headers: { cookie: operator } })
      ).json().total,
    ).toBe(2);

    const again = await app.inject({
      method: 'GET',
      url: `/api/imports/${id}`,
      headers: { cookie: operator },
    });
    expect(again.json().rows).toEqual([
      { line: 4, outcome: 'rejected', reason: 'NIK harus 16 digit angka (yang diisi: 6 digit).' },
    ]);
    const file = await app.inject({
      method: 'GET',
      url: `/api/imports/${id}/rejected.xlsx`,
      headers: { cookie: operator },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('saves a preview later from the file the server kept, once', async () => {
    const csv = [
      'nik,nama,tanggal_lahir,jenis_kelamin,kode_pekerjaan',
      '1508015508920004,Nur Aisyah,1992-08-15,P,9',
      '1508010101700005,Salah Tanggal,1970-01-02,L,9',
    ].join('\n');
    const body = form({ mode: 'preview' }, { name: 'susulan.csv', content: csv });
    const preview = await app.inject({
      method: 'POST',
      url: '/api/imports/workers',
      payload: body.payload,
      headers: { ...body.headers, cookie: operator },
    });
    expect(preview.json()).toMatchObject({ counts: { total: 2, created: 2 }, commitId: null });
    expect(preview.json().fileKeptUntil).not.toBeNull();
    const { id } = preview.json();
    const before = (
      await app.inject({ method: 'GET', url: '/api/workers', headers: { cookie: operator } })
    ).json().total;

    const saved = await app.inject({
      method: 'POST',
      url: `/api/imports/${id}/commit`,
      headers: { cookie: operator },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      mode: 'commit',
      status: 'done',
      fileName: 'susulan.csv',
      counts: preview.json().counts,
    });
    const after = await app.inject({
      method: 'GET',
      url: '/api/workers',
      headers: { cookie: operator },
    });
    expect(after.json().total).toBe(before + 2);
    const reopened = await app.inject({
      method: 'GET',
      url: `/api/imports/${id}`,
      headers: { cookie: operator },
    });
    expect(reopened.json()).toMatchObject({ commitId: saved.json().id, fileKeptUntil: null });

    const again = await app.inject({
      method: 'POST',
      url: `/api/imports/${id}/commit`,
      headers: { cookie: operator },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Pratinjau ini sudah disimpan. Buka hasil penyimpanannya dari daftar Impor terakhir.',
    );
    const other = await app.inject({
      method: 'POST',
      url: `/api/imports/${id}/commit`,
      headers: { cookie: otherOperator },
    });
    expect(other.statusCode).toBe(404);
    const anonymous = await app.inject({ method: 'POST', url: `/api/imports/${id}/commit` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('rejects out-of-scope access to an import and a request without a file', async () => {
    const body = form({ mode: 'preview' }, { name: 'x.csv', content: CSV });
    const own = await app.inject({
      method: 'POST',
      url: '/api/imports/workers',
      payload: body.payload,
      headers: { ...body.headers, cookie: operator },
    });
    const other = await app.inject({
      method: 'GET',
      url: `/api/imports/${own.json().id}`,
      headers: { cookie: otherOperator },
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe('Impor tidak ditemukan.');
    const noFile = form({ mode: 'preview' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports/workers',
      payload: noFile.payload,
      headers: { ...noFile.headers, cookie: operator },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Pilih berkas Excel');
    const pdf = form({ mode: 'preview' }, { name: 'data.pdf', content: 'x' });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/imports/workers',
      payload: pdf.payload,
      headers: { ...pdf.headers, cookie: operator },
    });
    expect(bad.json().error.message).toBe('Berkas harus berformat Excel (.xlsx) atau CSV (.csv).');
  });
});
