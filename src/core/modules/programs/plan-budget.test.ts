import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../access/actor.ts';
import { queryRows } from '../../db/client.ts';
import { DomainError } from '../../errors.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { planBudget, type BudgetPlanRequest } from './index.ts';

let tdb: TestDatabase;
let dinas: UserFixture;
let district: UserFixture;
let operator: UserFixture;
let admin: UserFixture;
const YEAR_2027 = { firstMonth: '2027-01', months: 12 } as const;

beforeAll(async () => {
  tdb = await createTestDatabase();
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  district = await aUser(tdb, { role: 'district_officer', scope: '15.08.01' });
  operator = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' });
  admin = await aUser(tdb, { role: 'admin' });
});
afterAll(async () => tdb?.close());

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

const auditRows = async () =>
  (
    await queryRows<{ n: number }>(tdb.database.db, sql`SELECT count(*)::int AS n FROM audit_log`)
  )[0]!.n;

describe('planning over a number of villages', () => {
  it('buys 49 seats with Rp10,000,000 for 12 months in one village, and writes nothing', async () => {
    const before = await auditRows();
    const r = await planBudget(tdb.ctx(dinas.actor), {
      ...YEAR_2027,
      declaredIncome: 1_000_000,
      package: ['JKK', 'JKM'],
      budgetPerVillage: 10_000_000,
      villages: 1,
    });
    expect(r).toMatchObject({
      monthlyContribution: 16_800,
      costPerSeat: 201_600,
      seatsPerVillage: 49,
      totalSeats: 49,
      used: 9_878_400,
      remainder: 121_600,
      budgetNeeded: 9_878_400,
      funderType: null,
      workerGroup: 'general',
      region: null,
      lastMonth: '2027-12',
    });
    expect(await auditRows()).toBe(before);
  });

  it('starts in the current month in Jakarta when no first month is given', async () => {
    // 18:00 UTC on 31 December is already 1 January in Jakarta
    const ctx = tdb.ctx(dinas.actor, () => new Date('2026-12-31T18:00:00Z'));
    const r = await planBudget(ctx, { months: 12, seatsPerVillage: 1, villages: 1 });
    expect([r.firstMonth, r.lastMonth, r.package, r.declaredIncome]).toEqual([
      '2027-01',
      '2027-12',
      ['JKK', 'JKM'],
      1_000_000,
    ]);
  });

  it('is open to every role: it is a calculator', async () => {
    const scopes: Record<Role, string | undefined> = {
      admin: undefined,
      province_admin: '15',
      regency_admin: '15.08',
      district_officer: '15.08.01',
      village_operator: '15.08.01.2001',
      bpjs_officer: '15.08',
      auditor: '15.08',
    };
    for (const role of ROLES) {
      const scope = scopes[role];
      const u = await aUser(tdb, { role, ...(scope ? { scope } : {}) });
      const r = await planBudget(tdb.ctx(u.actor), {
        ...YEAR_2027,
        budgetTotal: 10_000_000,
        villages: 1,
      });
      expect(r.totalSeats, role).toBe(49);
    }
  });
});

describe('planning over the villages of a region', () => {
  it('gives Kabupaten Bungo 3,525 seats at 25 per desa (141 desa), and the budget needed', async () => {
    const r = await planBudget(tdb.ctx(dinas.actor), {
      ...YEAR_2027,
      seatsPerVillage: 25,
      region: '15.08',
      villageKinds: ['desa'],
    });
    expect(r.region).toEqual({
      code: '15.08',
      name: 'Kabupaten Bungo',
      level: 'regency',
      villageKinds: ['desa'],
      counts: { desa: 141, kelurahan: 12, desaAdat: 0 },
    });
    expect(r).toMatchObject({
      mode: 'seatsPerVillage',
      villages: 141,
      seatsPerVillage: 25,
      totalSeats: 3_525,
      budgetPerVillage: 5_040_000,
      budgetNeeded: 710_640_000,
    });
  });

  it('counts desa and kelurahan together when asked (153), desa only by default', async () => {
    const both = await planBudget(tdb.ctx(dinas.actor), {
      ...YEAR_2027,
      seatsPerVillage: 25,
      region: '15.08',
      villageKinds: ['desa', 'kelurahan'],
    });
    expect([both.villages, both.totalSeats]).toEqual([153, 3_825]);
    const byDefault = await planBudget(tdb.ctx(dinas.actor), {
      ...YEAR_2027,
      seatsPerVillage: 25,
      region: '1508',
    });
    expect([byDefault.villages, byDefault.region?.code]).toEqual([141, '15.08']);
  });

  it('turns Rp10,000,000 per desa of Bungo into 49 seats each, 6,909 in all', async () => {
    const r = await planBudget(tdb.ctx(dinas.actor), {
      ...YEAR_2027,
      budgetPerVillage: 10_000_000,
      region: '15.08',
      villageKinds: ['desa'],
    });
    expect(r).toMatchObject({
      seatsPerVillage: 49,
      totalSeats: 6_909,
      budget: 1_410_000_000,
      used: 1_392_854_400,
      remainder: 17_145_600,
    });
  });

  it('lets a district officer plan for the own district and a village operator for the own village', async () => {
    const own = await planBudget(tdb.ctx(district.actor), {
      ...YEAR_2027,
      seatsPerVillage: 10,
      region: '15.08.01',
      villageKinds: ['desa', 'kelurahan'],
    });
    const [expected] = await queryRows<{ n: number }>(
      tdb.database.db,
      sql`SELECT count(*)::int AS n FROM region
          WHERE code LIKE '15.08.01.%' AND level = 'village' AND retired_at IS NULL`,
    );
    expect(own.villages).toBe(expected!.n);
    expect(own.villages).toBeGreaterThan(1);
    const village = await planBudget(tdb.ctx(operator.actor), {
      ...YEAR_2027,
      budgetPerVillage: 10_000_000,
      region: '15.08.01.2001',
    });
    expect([village.villages, village.region?.name, village.totalSeats]).toEqual([
      1,
      'Pedukun',
      49,
    ]);
  });

  it('answers NOT_FOUND for a region outside the scope, as for a code that does not exist', async () => {
    const ask = (actor: UserFixture, region: string) =>
      refusal(planBudget(tdb.ctx(actor.actor), { ...YEAR_2027, seatsPerVillage: 25, region }));
    const sijunjung = await ask(dinas, '13.03');
    expect([sijunjung.code, sijunjung.message]).toEqual([
      'NOT_FOUND',
      'Wilayah dengan kode 13.03 tidak ditemukan.',
    ]);
    const missing = await ask(dinas, '15.99');
    expect([missing.code, missing.message]).toEqual([
      'NOT_FOUND',
      'Wilayah dengan kode 15.99 tidak ditemukan.',
    ]);
    // a district officer may not plan for the whole regency, nor for a neighbouring district
    expect((await ask(district, '15.08')).code).toBe('NOT_FOUND');
    expect((await ask(district, '15.08.02')).code).toBe('NOT_FOUND');
    expect((await ask(operator, '15.08.01.2002')).code).toBe('NOT_FOUND');
    // the national administrator sees everywhere
    const r = await planBudget(tdb.ctx(admin.actor), {
      ...YEAR_2027,
      seatsPerVillage: 25,
      region: '13.03',
    });
    expect(r.villages).toBeGreaterThan(0);
  });

  it('counts only the villages in force: a retired code drops out, a retired region is refused', async () => {
    const ctx = tdb.ctx(admin.actor);
    const body: BudgetPlanRequest = { ...YEAR_2027, seatsPerVillage: 1, region: '13.03' };
    const before = (await planBudget(ctx, body)).villages;
    await tdb.database.db.execute(
      sql`UPDATE region SET retired_at = now() WHERE code = '13.03.03.2001'`,
    );
    expect((await planBudget(ctx, body)).villages).toBe(before - 1);
    const retired = await refusal(planBudget(ctx, { ...body, region: '13.03.03.2001' }));
    expect(retired.code).toBe('VALIDATION');
    expect(retired.message).toBe(
      'Kode wilayah 13.03.03.2001 sudah tidak berlaku; pilih kode yang berlaku sekarang.',
    );
  });

  it('refuses a region without villages of the chosen kind', async () => {
    const err = await refusal(
      planBudget(tdb.ctx(operator.actor), {
        ...YEAR_2027,
        seatsPerVillage: 1,
        region: '15.08.01.2001',
        villageKinds: ['kelurahan'],
      }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe('Tidak ada kelurahan yang berlaku di Pedukun.');
  });
});

describe('refused requests', () => {
  it('names the field in Indonesian', async () => {
    const issues = async (body: BudgetPlanRequest) => {
      const err = await refusal(planBudget(tdb.ctx(dinas.actor), body));
      expect(err.code).toBe('VALIDATION');
      return err.details!.issues;
    };
    expect(
      await issues({ ...YEAR_2027, seatsPerVillage: 1, villages: 3, region: '15.08' }),
    ).toEqual([
      { path: 'villages', message: 'Isi jumlah desa, atau pilih wilayah (bukan keduanya).' },
    ]);
    expect(await issues({ ...YEAR_2027, villages: 3 })).toEqual([
      {
        path: 'budgetTotal',
        message: 'Isi salah satu saja: anggaran per desa, anggaran total, atau kursi per desa.',
      },
    ]);
    expect(
      await issues({
        ...YEAR_2027,
        seatsPerVillage: 1,
        region: '15.08',
        villageKinds: ['dusun' as never],
      }),
    ).toEqual([
      { path: 'villageKinds.0', message: 'Jenis desa harus desa, kelurahan atau desa_adat.' },
    ]);
    expect(await issues({ ...YEAR_2027, budgetTotal: 5, villages: 1, package: ['JKK'] })).toEqual([
      { path: 'package', message: 'Paket wajib berisi JKK dan JKM; JHT boleh ditambahkan.' },
    ]);
  });
});
