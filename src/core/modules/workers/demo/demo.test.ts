import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/audit.ts';
import { region } from '../../../db/schema/regions.ts';
import { worker } from '../../../db/schema/workers.ts';
import { jakartaDate } from '../../../context.ts';
import { checkNik } from '../../../rules/nik.ts';
import { aUser } from '../../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../../test/test-db.ts';
import { seedDemoWorkers, type SeedDemoProgress, type SeedDemoResult } from '../index.ts';

let tdb: TestDatabase;
let first: SeedDemoResult;
const progress: SeedDemoProgress[] = [];
let rows: (typeof worker.$inferSelect)[];
let bungoVillages: Set<string>;
let allDistricts: Set<string>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  first = await seedDemoWorkers(tdb.ctx(), { region: '15.08', workers: 2_000, seed: 1 }, (p) =>
    progress.push(p),
  );
  rows = await tdb.database.db.select().from(worker);
  const regions = await tdb.database.db
    .select({ code: region.code, level: region.level })
    .from(region)
    .where(sql`${region.level} IN ('district', 'village')`);
  bungoVillages = new Set(
    regions.filter((r) => r.level === 'village' && r.code.startsWith('15.08.')).map((r) => r.code),
  );
  allDistricts = new Set(regions.filter((r) => r.level === 'district').map((r) => r.code));
});
afterAll(async () => tdb?.close());

const share = (pred: (w: (typeof rows)[number]) => boolean) =>
  rows.filter(pred).length / rows.length;

describe('demo workers for a regency', () => {
  it('inserts exactly the requested number, in the villages of the regency, reporting progress', () => {
    expect(first).toMatchObject({ inserted: 2_000, skipped: 0, villages: bungoVillages.size });
    expect(rows).toHaveLength(2_000);
    expect(rows.every((w) => bungoVillages.has(w.villageCode))).toBe(true);
    // Kelurahan have workers too.
    expect(rows.some((w) => w.villageCode.charAt(9) === '1')).toBe(true);
    expect(progress[0]).toMatchObject({
      region: {
        code: '15.08',
        name: expect.stringMatching(/^kabupaten bungo$/i),
        level: 'regency',
      },
      done: 0,
      total: 2_000,
    });
    expect(progress.at(-1)).toMatchObject({ done: 2_000, total: 2_000, inserted: 2_000 });
  });

  it('gives every worker a unique NIK of a Bungo district that passes the NIK rules', () => {
    expect(new Set(rows.map((w) => w.nik)).size).toBe(rows.length);
    const today = jakartaDate(new Date());
    for (const w of rows) {
      const check = checkNik(w.nik, {
        today,
        districtExists: (c) => allDistricts.has(c),
        stated: { birthDate: w.birthDate, sex: w.sex, villageCode: w.villageCode },
      });
      expect(check.errors).toEqual([]);
      expect(check.decoded!.regencyCode).toBe('15.08');
      expect(w.warnings).toEqual(check.warnings.map((x) => ({ ...x, confirmed: false })));
      expect(w.openWarnings).toBe(w.warnings.length);
    }
  });

  it('has plausible shares of occupations, segments, deciles and warnings', () => {
    expect(share((w) => w.occupationCode === 9)).toBeGreaterThan(0.35);
    expect(share((w) => w.occupationCode === 9)).toBeLessThan(0.55);
    expect(share((w) => w.occupationCode === 20)).toBeGreaterThan(0.08);
    expect(share((w) => w.sex === 'P')).toBeGreaterThan(0.42);
    expect(share((w) => w.sex === 'P')).toBeLessThan(0.58);
    expect(share((w) => (w.welfareDecile ?? 99) <= 4)).toBeGreaterThan(0.6);
    expect(share((w) => w.phone !== null)).toBeGreaterThan(0.5);
    const officials = rows.filter((w) => w.segment === 'perangkat_desa');
    expect(officials.length).toBeGreaterThan(50);
    expect(officials.every((w) => w.occupationCode === 85)).toBe(true);
    expect(share((w) => w.segment === 'pekerja_rentan')).toBeGreaterThan(0.9);
    const withCode = (c: string) => share((w) => w.warnings.some((x) => x.code === c));
    expect(withCode('NIK_REGION_DIFFERS')).toBeGreaterThan(0.05);
    expect(withCode('NIK_REGION_DIFFERS')).toBeLessThan(0.15);
    expect(withCode('NIK_BIRTHDATE_MISMATCH')).toBeGreaterThan(0.01);
    expect(withCode('NIK_BIRTHDATE_MISMATCH')).toBeLessThan(0.06);
  });

  it('records the inserts in the audit trail', async () => {
    const records = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'workers.demo'), eq(auditLog.entity, 'worker')));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      regionCode: '15.08',
      actorName: 'test',
      after: { inserted: 2_000, total: 2_000 },
    });
  });

  it('inserts nothing the second time with the same seed and count', async () => {
    const again = await seedDemoWorkers(tdb.ctx(), { region: '15.08', workers: 2_000, seed: 1 });
    expect(again).toMatchObject({ inserted: 0, skipped: 2_000 });
    const [n] = await tdb.database.db.select({ n: sql<number>`count(*)::int` }).from(worker);
    expect(n!.n).toBe(2_000);
  });

  it('refuses an unknown region, a bad count and an actor without the right', async () => {
    await expect(
      seedDemoWorkers(tdb.ctx(), { region: '15.99', workers: 10, seed: 1 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Wilayah 15.99 tidak ada dalam daftar wilayah yang berlaku.',
    });
    await expect(
      seedDemoWorkers(tdb.ctx(), { region: '15.08', workers: 0, seed: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
    await expect(
      seedDemoWorkers(tdb.ctx(auditor.actor), { region: '15.08', workers: 10, seed: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('fills a single district too (any level is accepted)', async () => {
    const r = await seedDemoWorkers(tdb.ctx(), { region: '15.08.03', workers: 100, seed: 7 });
    expect(r.inserted + r.skipped).toBe(100);
    expect(r.inserted).toBeGreaterThan(95);
    const [n] = await tdb.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(worker)
      .where(sql`${worker.villageCode} LIKE '15.08.03.%'`);
    expect(n!.n).toBeGreaterThanOrEqual(r.inserted);
  });
});
