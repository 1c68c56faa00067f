import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../../../test/factories.ts';
import { buildTestApp, loginAs } from '../../../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';

let tdb: TestDatabase;
let app: FastifyInstance;
let dinasBungo: string;
let operator: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  app = await buildTestApp(tdb);
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

const planAs = (cookie: string | undefined, payload: unknown) =>
  app.inject({
    method: 'POST',
    url: '/api/budget/plan',
    headers: cookie ? { cookie } : {},
    payload: payload as object,
  });

describe('POST /api/budget/plan', () => {
  it('rejects unauthenticated requests', async () => {
    const res = await planAs(undefined, { months: 12, budgetTotal: 10_000_000, villages: 1 });
    expect(res.statusCode).toBe(401);
  });

  it('rejects out-of-scope regions with 404, as if they did not exist', async () => {
    const res = await planAs(dinasBungo, { months: 12, seatsPerVillage: 25, region: '13.03' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({
      code: 'NOT_FOUND',
      message: 'Wilayah dengan kode 13.03 tidak ditemukan.',
      details: { code: '13.03' },
    });
    const village = await planAs(operator, { months: 12, seatsPerVillage: 25, region: '15.08' });
    expect(village.statusCode).toBe(404);
  });

  it('buys 49 seats with Rp10,000,000 for 12 months: Rp9,878,400 used, Rp121,600 left', async () => {
    const res = await planAs(operator, {
      months: 12,
      firstMonth: '2027-01',
      declaredIncome: 1_000_000,
      package: ['JKK', 'JKM'],
      budgetPerVillage: 10_000_000,
      villages: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      mode: 'budgetPerVillage',
      firstMonth: '2027-01',
      lastMonth: '2027-12',
      months: 12,
      declaredIncome: 1_000_000,
      package: ['JKK', 'JKM'],
      funderType: null,
      workerGroup: 'general',
      villages: 1,
      region: null,
      monthlyContribution: 16_800,
      costPerSeat: 201_600,
      seatsPerVillage: 49,
      totalSeats: 49,
      budgetPerVillage: 10_000_000,
      budget: 10_000_000,
      used: 9_878_400,
      remainder: 121_600,
      budgetNeeded: 9_878_400,
      periods: [
        {
          firstMonth: '2027-01',
          lastMonth: '2027-12',
          months: 12,
          monthlyContribution: 16_800,
          costPerSeat: 201_600,
          sources: ['PP 44/2015 jo. PP 82/2019'],
        },
      ],
    });
  });

  it('gives the budget needed for 25 seats in each of the 141 desa of Kabupaten Bungo', async () => {
    const res = await planAs(dinasBungo, {
      months: 12,
      firstMonth: '2027-01',
      seatsPerVillage: 25,
      region: '15.08',
      villageKinds: ['desa'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      villages: 141,
      region: { code: '15.08', name: 'Kabupaten Bungo', counts: { desa: 141, kelurahan: 12 } },
      totalSeats: 3_525,
      budgetNeeded: 710_640_000,
    });
  });

  it('shows a period across a rate change month by month (a donor in 2026: PP 50/2025)', async () => {
    const res = await planAs(dinasBungo, {
      firstMonth: '2026-01',
      lastMonth: '2026-12',
      funderType: 'csr',
      budgetTotal: 10_000_000,
      villages: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.periods.map((p: { monthlyContribution: number }) => p.monthlyContribution)).toEqual(
      [16_800, 8_400],
    );
    expect([body.costPerSeat, body.totalSeats, body.remainder]).toEqual([126_000, 79, 46_000]);
  });

  it('answers invalid input with 400 and an Indonesian message per field', async () => {
    const res = await planAs(dinasBungo, {
      months: 0,
      declaredIncome: 500_000,
      package: ['JKK', 'JP'],
      budgetTotal: 'sepuluh juta',
      villages: 1,
      funderType: 'bank',
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    const byField = Object.fromEntries(
      error.details.issues.map((i: { path: string; message: string }) => [i.path, i.message]),
    );
    expect(byField).toEqual({
      'isian.months': 'Jumlah bulan harus bilangan bulat 1–60.',
      'isian.declaredIncome':
        'Penghasilan yang dilaporkan harus bilangan bulat Rp1.000.000–Rp20.700.000.',
      'isian.package.1':
        'Paket hanya boleh berisi JKK, JKM dan JHT (JP dan JKP tidak terbuka bagi BPU).',
      'isian.funderType': 'Jenis sumber dana tidak dikenal.',
      'isian.budgetTotal': 'Anggaran harus rupiah bulat lebih dari 0.',
    });
    expect(error.message).toBe(error.details.issues[0].message);
  });

  it('asks for exactly one budget and for villages or a region', async () => {
    const res = await planAs(dinasBungo, {
      months: 12,
      budgetTotal: 10_000_000,
      seatsPerVillage: 25,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      {
        path: 'isian.seatsPerVillage',
        message: 'Isi salah satu saja: anggaran per desa, anggaran total, atau kursi per desa.',
      },
      { path: 'isian.villages', message: 'Isi jumlah desa, atau pilih wilayah (bukan keduanya).' },
    ]);
  });

  it('is documented in OpenAPI with an Indonesian summary', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const op = doc.paths['/api/budget/plan'].post;
    expect(op.summary).toMatch(/^Perencana anggaran/);
    expect(op.tags).toEqual(['anggaran']);
    expect(Object.keys(op.responses)).toEqual(['200', '400', '401', '403', '404']);
  });
});
