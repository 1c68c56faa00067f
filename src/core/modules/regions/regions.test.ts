import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { regionRegisterVersion } from '../../db/schema/regions.ts';
import { aUser } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  bundledRegionSource,
  clearLocalTerm,
  DEFAULT_REGION_SOURCE,
  getRegion,
  listRegions,
  loadRegions,
  readRegionSource,
  setLocalTerm,
} from './index.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => tdb?.close());

const list = (q: Parameters<typeof listRegions>[1]) => listRegions(tdb.ctx(), q);

describe('the loaded register', () => {
  it('holds the whole country: 38 provinces, 514 regencies/cities, 7,277 districts, 83,763 villages', async () => {
    const [row] = await queryRows<Record<string, number>>(
      tdb.database.db,
      sql`SELECT count(*) FILTER (WHERE level = 'province')::int AS p, count(*) FILTER (WHERE level = 'regency')::int AS r,
        count(*) FILTER (WHERE level = 'district')::int AS d, count(*) FILTER (WHERE level = 'village')::int AS v FROM region`,
    );
    expect(row).toEqual({ p: 38, r: 514, d: 7277, v: 83763 });
    const provinces = await list({ page: 1, pageSize: 50 });
    expect(provinces.total).toBe(38);
    const total = provinces.items.reduce((s, p) => s + p.counts.villages, 0);
    expect(total).toBe(83763);
  });

  it('shows Kabupaten Bungo (15.08) with its 17 districts, 141 desa and 12 kelurahan', async () => {
    const bungo = await getRegion(tdb.ctx(), '15.08');
    expect(bungo).toMatchObject({
      code: '15.08',
      name: 'Kabupaten Bungo',
      level: 'regency',
      kind: 'kabupaten',
      parentCode: '15',
    });
    expect(bungo.ancestors).toEqual([{ code: '15', name: 'Jambi', level: 'province' }]);
    expect(bungo.counts).toEqual({
      regencies: 0,
      districts: 17,
      villages: 153,
      desa: 141,
      kelurahan: 12,
      desaAdat: 0,
    });
    const districts = await list({ parent: '15.08', page: 1, pageSize: 50 });
    expect(districts.total).toBe(17);
    expect(
      districts.items.every((d) => d.level === 'district' && d.code.startsWith('15.08.')),
    ).toBe(true);
    expect(districts.items[0]!.path).toBe('Jambi › Kabupaten Bungo');
  });

  it('makes every level equal the sum of its children', async () => {
    const mismatches = await queryRows<{ code: string }>(
      tdb.database.db,
      sql`SELECT p.code FROM region p
          JOIN region c ON c.parent_code = p.code AND c.retired_at IS NULL
          WHERE p.level IN ('province', 'regency')
          GROUP BY p.code, p.village_count, p.desa_count, p.kelurahan_count
          HAVING p.village_count <> sum(c.village_count) OR p.desa_count <> sum(c.desa_count)
              OR p.kelurahan_count <> sum(c.kelurahan_count)`,
    );
    expect(mismatches).toEqual([]);
  });

  it('tells desa, kelurahan and desa adat apart for villages', async () => {
    const village = await getRegion(tdb.ctx(), '15.08.01.2001');
    expect(village).toMatchObject({ level: 'village', kind: 'desa', parentCode: '15.08.01' });
    expect(village.ancestors.map((a) => a.level)).toEqual(['province', 'regency', 'district']);
    const kelurahan = (await list({ parent: '15.08.02', page: 1, pageSize: 200 })).items.filter(
      (v) => v.kind === 'kelurahan',
    );
    expect(kelurahan.every((k) => k.code.charAt(9) === '1')).toBe(true);
  });

  it('answers NOT_FOUND for a well-formed code that does not exist', async () => {
    await expect(getRegion(tdb.ctx(), '15.99')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Wilayah dengan kode 15.99 tidak ditemukan.',
    });
    await expect(list({ parent: '99', page: 1, pageSize: 10 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('search', () => {
  it('finds by part of the name, case-insensitively, the regency before villages of the same name', async () => {
    const r = await list({ q: 'BUNGO', page: 1, pageSize: 5 });
    expect(r.items[0]).toMatchObject({ code: '15.08', name: 'Kabupaten Bungo', path: 'Jambi' });
    expect(r.total).toBeGreaterThan(5);
    expect(r.items).toHaveLength(5);
  });

  it('finds by code, typed with or without dots', async () => {
    for (const q of ['1508', '15.08']) {
      const r = await list({ q, page: 1, pageSize: 3 });
      expect(r.items[0]!.code, q).toBe('15.08');
      expect(r.total, q).toBe(1 + 17 + 153);
    }
  });

  it('pages through results without overlap', async () => {
    const a = await list({ q: 'bungo', page: 1, pageSize: 10 });
    const b = await list({ q: 'bungo', page: 2, pageSize: 10 });
    expect(b.total).toBe(a.total);
    const overlap = a.items.filter((x) => b.items.some((y) => y.code === x.code));
    expect(overlap).toEqual([]);
    const beyond = await list({ q: 'bungo', page: 1000, pageSize: 10 });
    expect(beyond).toMatchObject({ items: [], total: a.total });
  });

  it('narrows a search to one level for pickers', async () => {
    const villages = await list({ q: 'bungo', level: 'village', page: 1, pageSize: 50 });
    expect(villages.total).toBeGreaterThan(0);
    expect(villages.items.every((i) => i.level === 'village')).toBe(true);
    expect(
      (await list({ q: 'bungo', level: 'regency', page: 1, pageSize: 5 })).items.map((i) => i.code),
    ).toEqual(['15.08']);
  });

  it('treats % and _ as plain characters', async () => {
    expect((await list({ q: '%%', page: 1, pageSize: 5 })).total).toBe(0);
  });

  it('keeps the apostrophe of Madurese names from the source', async () => {
    const r = await list({ q: "soka'an", page: 1, pageSize: 5 });
    expect(r.items.map((i) => i.name)).toContain("Soka'an");
  });
});

describe('local term for the village level', () => {
  it('shows a regency term on its villages and lets it override the province term', async () => {
    const admin = await aUser(tdb, { role: 'admin' });
    await setLocalTerm(tdb.ctx(admin.actor), '15', {
      villageTerm: 'Desa',
      villageHeadTitle: 'Kepala Desa',
    });
    await setLocalTerm(tdb.ctx(admin.actor), '15.08', {
      villageTerm: 'Dusun',
      villageHeadTitle: 'Rio',
    });
    const village = await getRegion(tdb.ctx(), '15.08.01.2001');
    expect(village.localTerm).toEqual({
      villageTerm: 'Dusun',
      villageHeadTitle: 'Rio',
      setOn: '15.08',
    });
    const other = await getRegion(tdb.ctx(), '15.01');
    expect(other.localTerm).toMatchObject({ villageTerm: 'Desa', setOn: '15' });
    expect(other.ownLocalTerm).toBeNull();

    const audits = await tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, '15.08'));
    expect(audits.map((a) => [a.action, a.actorName, a.regionCode])).toEqual([
      ['regions.setLocalTerm', admin.me.username, '15.08'],
    ]);
    expect(audits[0]!.after).toEqual({
      villageTerm: 'Dusun',
      villageHeadTitle: 'Rio',
      setOn: '15.08',
    });

    await clearLocalTerm(tdb.ctx(admin.actor), '15.08');
    expect((await getRegion(tdb.ctx(), '15.08.01.2001')).localTerm).toMatchObject({
      villageTerm: 'Desa',
      setOn: '15',
    });
  });

  it('lets a regency admin set the term of the own regency only', async () => {
    const dinas = await aUser(tdb, { role: 'regency_admin', scope: '13.03' });
    await setLocalTerm(tdb.ctx(dinas.actor), '13.03', {
      villageTerm: 'Nagari',
      villageHeadTitle: 'Wali Nagari',
    });
    expect((await getRegion(tdb.ctx(), '13.03')).ownLocalTerm).toMatchObject({
      villageTerm: 'Nagari',
    });
    await expect(
      setLocalTerm(tdb.ctx(dinas.actor), '13.04', {
        villageTerm: 'Nagari',
        villageHeadTitle: null,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      setLocalTerm(tdb.ctx(dinas.actor), '13', { villageTerm: 'Nagari', villageHeadTitle: null }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses village operators and districts or villages as targets', async () => {
    const operator = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' });
    await expect(
      setLocalTerm(tdb.ctx(operator.actor), '15.08', {
        villageTerm: 'Dusun',
        villageHeadTitle: null,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      setLocalTerm(tdb.ctx(), '15.08.01', { villageTerm: 'Dusun', villageHeadTitle: null }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Istilah lokal hanya dapat diatur untuk provinsi atau kabupaten/kota.',
    });
  });
});

describe('loading a register', () => {
  const bundled = bundledRegionSource();
  const source = () =>
    readRegionSource(bundled.dir, { source: DEFAULT_REGION_SOURCE, version: bundled.version });

  it('is idempotent: the same data again changes and records nothing', async () => {
    const versionsBefore = await tdb.database.db.select().from(regionRegisterVersion);
    const auditBefore = await tdb.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog);
    const r = await loadRegions(tdb.ctx(), source());
    expect(r).toMatchObject({ added: 0, updated: 0, retired: 0, unchanged: 91592 });
    expect(await tdb.database.db.select().from(regionRegisterVersion)).toHaveLength(
      versionsBefore.length,
    );
    expect(await tdb.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)).toEqual(
      auditBefore,
    );
  });

  it('applies a later version: renames, adds and retires codes without deleting referenced ones', async () => {
    const admin = await aUser(tdb, { role: 'admin' });
    await setLocalTerm(tdb.ctx(admin.actor), '15.09', {
      villageTerm: 'Dusun',
      villageHeadTitle: null,
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-register-'));
    for (const f of ['provinces.csv', 'regencies.csv', 'districts.csv', 'villages.csv']) {
      let text = fs.readFileSync(path.join(bundled.dir, f), 'utf8');
      if (f === 'regencies.csv') text = text.replace(/^15\.09,.*$\n/m, ''); // a regency split away
      if (f === 'districts.csv') text = text.replace(/^15\.09\..*$\n/gm, '');
      if (f === 'villages.csv') {
        text = text
          .replace(/^15\.09\..*$\n/gm, '')
          .replace('15.08.01.2001,15.08.01,Pedukun', '15.08.01.2001,15.08.01,Pedukun Baru');
        text += '15.08.01.2099,15.08.01,Sungai Baru\n';
      }
      fs.writeFileSync(path.join(dir, f), text);
    }
    const before = await getRegion(tdb.ctx(), '15.08.01');
    const r = await loadRegions(
      tdb.ctx(admin.actor),
      readRegionSource(dir, { source: DEFAULT_REGION_SOURCE, version: '9.9.9' }),
    );
    expect(r.added).toBe(1);
    expect(r.updated).toBe(1);
    const removedVillages = (await list({ q: '15.09', page: 1, pageSize: 1 })).total;
    expect(r.retired).toBe(removedVillages);

    const retired = await getRegion(tdb.ctx(), '15.09');
    expect(retired.retired).toBe(true);
    expect(retired.ownLocalTerm).toMatchObject({ villageTerm: 'Dusun' });
    expect((await getRegion(tdb.ctx(), '15.08.01.2001')).name).toBe('Pedukun Baru');
    expect((await getRegion(tdb.ctx(), '15.08.01')).counts.villages).toBe(
      before.counts.villages + 1,
    );
    const jambi = await getRegion(tdb.ctx(), '15');
    expect(jambi.counts.regencies).toBe(10);

    const [version] = await tdb.database.db
      .select()
      .from(regionRegisterVersion)
      .where(eq(regionRegisterVersion.version, '9.9.9'));
    expect(version).toMatchObject({ loadedBy: admin.me.username });
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'regions.load'));
    expect(audit.at(-1)).toMatchObject({
      entityId: `${DEFAULT_REGION_SOURCE}@9.9.9`,
      actorName: admin.me.username,
    });

    // …and going back to the bundled data revives the retired codes.
    const back = await loadRegions(tdb.ctx(admin.actor), source());
    expect(back.added).toBe(0);
    expect(back.retired).toBe(1);
    expect((await getRegion(tdb.ctx(), '15.09')).retired).toBe(false);
  });

  it('refuses a register file with a malformed row, naming the file and line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jaring-register-'));
    for (const f of ['provinces.csv', 'regencies.csv', 'districts.csv'])
      fs.copyFileSync(path.join(bundled.dir, f), path.join(dir, f));
    fs.writeFileSync(
      path.join(dir, 'villages.csv'),
      'code,district_code,name\n15.08.01.2001,15.08.01,Pedukun\n15.08.01,15.08,Salah\n',
    );
    expect(() => readRegionSource(dir, { source: 'x', version: '1' })).toThrow(
      'Baris 3 di villages.csv tidak valid',
    );
  });

  it('may be run only by an administrator', async () => {
    const dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08' });
    await expect(loadRegions(tdb.ctx(dinas.actor), source())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
