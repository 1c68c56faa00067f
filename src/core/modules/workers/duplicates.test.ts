import { PassThrough } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import {
  worker,
  workerChild,
  workerDuplicateDecision,
  workerHeir,
} from '../../db/schema/workers.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  createWorker,
  exportWorkers,
  getWorker,
  listPossibleDuplicates,
  listWorkers,
  markDifferent,
  mergeWorkers,
  type WorkerInput,
} from './index.ts';

let tdb: TestDatabase;
let bungo: UserFixture;
let tebo: UserFixture;
let jambi: UserFixture;
let national: UserFixture;
let operator: UserFixture;
let serial = 0;

const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh, Kabupaten Bungo
const LUBUK_NIUR = '15.08.01.2002';
const RANTAU_DUKU = '15.08.02.2001'; // Kecamatan Rantau Pandan, Kabupaten Bungo
const MUARA_TEBO = '15.09.01.1001'; // Kabupaten Tebo

/** A valid NIK of the village's district for a birth date (women add 40 to the day). */
function nikFor(villageCode: string, birthDate: string, sex: 'L' | 'P'): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  return `${villageCode.slice(0, 8).replace(/\./g, '')}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(++serial).padStart(4, '0')}`;
}

async function aWorker(
  fullName: string,
  villageCode: string,
  more: Partial<WorkerInput> = {},
): Promise<string> {
  const birthDate = more.birthDate ?? '1985-07-01';
  const sex = more.sex ?? 'P';
  const w = await createWorker(tdb.ctx(), {
    nik: nikFor(villageCode, birthDate, sex),
    fullName,
    birthDate,
    sex,
    villageCode,
    occupationCode: 9,
    ...more,
  });
  return w.id;
}

const pairsOf = async (u: UserFixture, region?: string) =>
  (await listPossibleDuplicates(tdb.ctx(u.actor), { ...(region ? { region } : {}) })).items.map(
    (p) => [p.a.fullName, p.b.fullName].sort().join(' | '),
  );
const sorted = (x: string, y: string) => (x < y ? [x, y] : [y, x]);

beforeAll(async () => {
  tdb = await createTestDatabase();
  bungo = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  tebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09', username: 'dinas.tebo' });
  jambi = await aUser(tdb, { role: 'province_admin', scope: '15', username: 'dinas.jambi' });
  national = await aUser(tdb, { role: 'admin', username: 'admin.pusat' });
  operator = await aUser(tdb, { role: 'village_operator', scope: PEDUKUN });
});
afterAll(async () => tdb?.close());

describe('the review list of possible duplicates', () => {
  it('pairs the same normalised name and birth date within a regency, with masked NIKs', async () => {
    const a = await aWorker('Siti Aminah', PEDUKUN, { dusun: 'Dusun Baru' });
    const b = await aWorker('SITI ÁMINAH', RANTAU_DUKU, { occupationCode: 88 });
    await aWorker('Siti Aminah', MUARA_TEBO); // same person's name and date, other regency
    await aWorker('Siti Aminah', PEDUKUN, { birthDate: '1985-07-02' }); // other birth date
    const list = await listPossibleDuplicates(tdb.ctx(bungo.actor), {});
    const pair = list.items.find((p) => [p.a.id, p.b.id].includes(a))!;
    expect(list.total).toBe(1);
    const [lo] = sorted(a, b);
    const first = lo === a ? pair.a : pair.b;
    const second = lo === a ? pair.b : pair.a;
    expect(pair.a.id < pair.b.id).toBe(true);
    expect(pair.regencyCode).toBe('15.08');
    expect(first).toMatchObject({
      fullName: 'Siti Aminah',
      birthDate: '1985-07-01',
      villageName: 'Pedukun',
      districtName: 'Tanah Tumbuh',
      dusun: 'Dusun Baru',
      occupationName: 'PETANI/PEKEBUN',
    });
    expect(first.nikMasked).toMatch(/^150801x{6}\d{4}$/);
    expect(second).toMatchObject({ fullName: 'SITI ÁMINAH', villageName: 'Rantau Duku' });
    expect(second.nikMasked).toMatch(/^150802x{6}\d{4}$/);
    expect(JSON.stringify(list)).not.toMatch(/\d{16}/);
    expect(Date.parse(first.createdAt)).not.toBeNaN();
  });

  it('shows each admin only pairs with both workers in the own scope', async () => {
    await aWorker('Rahmat Hidayat', MUARA_TEBO, { sex: 'L', birthDate: '1979-03-12' });
    await aWorker('Rahmat Hidayat', MUARA_TEBO, { sex: 'L', birthDate: '1979-03-12' });
    expect(await pairsOf(tebo)).toEqual(['Rahmat Hidayat | Rahmat Hidayat']);
    expect(await pairsOf(bungo)).toEqual(['SITI ÁMINAH | Siti Aminah']);
    expect(await pairsOf(jambi)).toHaveLength(2);
    expect(await pairsOf(national)).toHaveLength(2);
  });

  it('filters by a region that one of the pair lives in', async () => {
    expect(await pairsOf(bungo, '15.08.02')).toEqual(['SITI ÁMINAH | Siti Aminah']);
    expect(await pairsOf(bungo, '15.08.01')).toEqual(['SITI ÁMINAH | Siti Aminah']);
    expect(await pairsOf(bungo, '15.08.03')).toEqual([]);
    expect(await pairsOf(bungo, '15.09')).toEqual([]); // outside the scope: nothing, not Tebo's
    await expect(
      listPossibleDuplicates(tdb.ctx(bungo.actor), { region: 'bukan-kode' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Kode wilayah "bukan-kode" tidak valid.',
    });
  });

  it('is closed to roles below the regency office', async () => {
    const district = await aUser(tdb, { role: 'district_officer', scope: '15.08.01' });
    const auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
    for (const u of [operator, district, auditor]) {
      await expect(listPossibleDuplicates(tdb.ctx(u.actor), {})).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });
});

describe('marking a pair as different people', () => {
  it('records the decision, audits both workers and drops the pair from the list', async () => {
    const a = await aWorker('Dewi Lestari', LUBUK_NIUR, { birthDate: '1990-01-15' });
    const b = await aWorker('Dewi Lestari', PEDUKUN, { birthDate: '1990-01-15' });
    expect(await pairsOf(bungo)).toContain('Dewi Lestari | Dewi Lestari');
    const d = await markDifferent(tdb.ctx(bungo.actor), { workerA: b, workerB: a });
    const [lo, hi] = sorted(a, b);
    expect(d).toMatchObject({ workerA: lo, workerB: hi, decision: 'different', keptId: null });
    const [row] = await tdb.database.db
      .select()
      .from(workerDuplicateDecision)
      .where(eq(workerDuplicateDecision.id, d.id));
    expect(row).toMatchObject({ regencyCode: '15.08', decidedBy: 'dinas.bungo' });
    const audits = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'workers.markDifferent'), inArray(auditLog.entityId, [a, b])));
    expect(audits.map((x) => x.entityId).sort()).toEqual([lo, hi]);
    expect(audits[0]!.after).toMatchObject({ decision: 'different', decisionId: d.id });
    expect(await pairsOf(bungo)).not.toContain('Dewi Lestari | Dewi Lestari');

    await expect(
      markDifferent(tdb.ctx(bungo.actor), { workerA: a, workerB: b }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Pasangan ini sudah ditandai sebagai orang berbeda oleh dinas.bungo.',
    });
    await expect(
      mergeWorkers(tdb.ctx(bungo.actor), { keepId: a, mergeId: b }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('answers NOT_FOUND out of scope and refuses workers that are no pair', async () => {
    const a = await aWorker('Agus Salim', PEDUKUN, { sex: 'L', birthDate: '1970-05-05' });
    const b = await aWorker('Agus Salim', PEDUKUN, { sex: 'L', birthDate: '1970-05-05' });
    const c = await aWorker('Agus Salimin', PEDUKUN, { sex: 'L', birthDate: '1970-05-05' });
    await expect(
      markDifferent(tdb.ctx(tebo.actor), { workerA: a, workerB: b }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Pekerja tidak ditemukan.' });
    await expect(
      markDifferent(tdb.ctx(bungo.actor), { workerA: a, workerB: c }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('bukan') });
    await expect(
      markDifferent(tdb.ctx(bungo.actor), { workerA: a, workerB: a }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Pilih dua data pekerja yang berbeda.',
    });
    await expect(
      markDifferent(tdb.ctx(operator.actor), { workerA: a, workerB: b }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const decisions = await tdb.database.db
      .select()
      .from(workerDuplicateDecision)
      .where(inArray(workerDuplicateDecision.workerA, [a, b, c]));
    expect(decisions).toEqual([]);
  });
});

describe('merging a pair', () => {
  async function family(workerId: string, heirs: string[], children: string[]) {
    for (const name of heirs)
      await tdb.database.db.insert(workerHeir).values({ workerId, name, relationship: 'spouse' });
    for (const name of children)
      await tdb.database.db
        .insert(workerChild)
        .values({ workerId, name, birthDate: '2015-08-17', schoolLevel: 'sd' });
  }

  it('moves heirs and children, fills empty fields, hides the merged record and audits both', async () => {
    const keep = await aWorker('Sri Wahyuni', PEDUKUN, {
      birthDate: '1982-11-30',
      phone: '0812-1111-2222',
      birthPlace: 'Muara Bungo',
    });
    const gone = await aWorker('Sri Wahyuni', PEDUKUN, {
      birthDate: '1982-11-30',
      phone: '0813-3333-4444',
      kk: '1508010101100009',
      kpj: '12345678901',
      dusun: 'Dusun Lamo',
      rt: '002',
      welfareDecile: 2,
      decileSource: 'P3KE',
      decileYear: 2024,
      birthPlace: 'Jambi',
    });
    await family(keep, ['Budi Santoso'], []);
    await family(gone, ['Ahmad Yani'], ['Putri Wahyuni', 'Rizki Wahyuni']);
    const before = await listWorkers(tdb.ctx(bungo.actor), {
      q: 'sri wahyuni',
      sort: 'name',
      page: 1,
      pageSize: 50,
    });
    expect(before.total).toBe(2);

    const d = await mergeWorkers(tdb.ctx(bungo.actor), { keepId: keep, mergeId: gone });
    expect(d).toMatchObject({ decision: 'merged', keptId: keep });
    expect(d.moved).toEqual({
      heirs: 1,
      children: 2,
      filledFields: expect.arrayContaining([
        'kk',
        'kpj',
        'dusun',
        'rt',
        'welfareDecile',
      ]) as string[],
    });

    const heirs = await tdb.database.db
      .select()
      .from(workerHeir)
      .where(eq(workerHeir.workerId, keep));
    expect(heirs.map((h) => h.name).sort()).toEqual(['Ahmad Yani', 'Budi Santoso']);
    const kids = await tdb.database.db
      .select()
      .from(workerChild)
      .where(eq(workerChild.workerId, keep));
    expect(kids).toHaveLength(2);

    const [k] = await tdb.database.db.select().from(worker).where(eq(worker.id, keep));
    expect(k).toMatchObject({
      phone: '0812-1111-2222', // its own value stays
      birthPlace: 'Muara Bungo',
      kk: '1508010101100009',
      kpj: '12345678901',
      dusun: 'Dusun Lamo',
      rt: '002',
      rw: null,
      welfareDecile: 2,
      decileSource: 'P3KE',
      decileYear: 2024,
      mergedInto: null,
    });

    const after = await listWorkers(tdb.ctx(bungo.actor), {
      q: 'sri wahyuni',
      sort: 'name',
      page: 1,
      pageSize: 50,
    });
    expect(after.items.map((w) => w.id)).toEqual([keep]);
    expect(after.total).toBe(1);
    const merged = await getWorker(tdb.ctx(bungo.actor), gone);
    expect(merged).toMatchObject({ mergedInto: keep, canEdit: false });
    expect((await getWorker(tdb.ctx(bungo.actor), keep)).mergedInto).toBeNull();

    const audits = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'workers.merge'), inArray(auditLog.entityId, [keep, gone])));
    const of = (id: string) => audits.find((x) => x.entityId === id)!;
    expect(of(keep).before).toMatchObject({ kk: null, dusun: null });
    expect(of(keep).after).toMatchObject({
      kk: '150801xxxxxx0009',
      dusun: 'Dusun Lamo',
      mergedFrom: gone,
      heirsMoved: 1,
      childrenMoved: 2,
    });
    expect(of(gone).before).toMatchObject({ mergedInto: null });
    expect(of(gone).after).toMatchObject({ mergedInto: keep, decisionId: d.id });
    expect(JSON.stringify(audits)).not.toContain('12345678901');
    expect(await pairsOf(bungo)).not.toContain('Sri Wahyuni | Sri Wahyuni');
  });

  it('keeps the merged worker out of the export', async () => {
    const keep = await aWorker('Nur Aini', RANTAU_DUKU, { birthDate: '1986-02-14' });
    const gone = await aWorker('Nur Aini', RANTAU_DUKU, { birthDate: '1986-02-14' });
    await mergeWorkers(tdb.ctx(bungo.actor), { keepId: keep, mergeId: gone });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const rows = await exportWorkers(
      tdb.ctx(bungo.actor),
      { q: 'nur aini', sort: 'name' },
      'csv',
      out,
    );
    const text = Buffer.concat(chunks).toString('utf8');
    const [g] = await tdb.database.db.select().from(worker).where(eq(worker.id, gone));
    const [k] = await tdb.database.db.select().from(worker).where(eq(worker.id, keep));
    expect(rows).toBe(1);
    expect(text).toContain(k!.nik);
    expect(text).not.toContain(g!.nik);
  });

  it('takes no address parts from a record in another village', async () => {
    const keep = await aWorker('Hendra Saputra', PEDUKUN, { sex: 'L', birthDate: '1975-09-09' });
    const gone = await aWorker('Hendra Saputra', RANTAU_DUKU, {
      sex: 'L',
      birthDate: '1975-09-09',
      dusun: 'Dusun Hilir',
      rt: '004',
      phone: '0852-6600-7788',
    });
    const d = await mergeWorkers(tdb.ctx(bungo.actor), { keepId: keep, mergeId: gone });
    expect(d.moved!.filledFields).toEqual(['phone']);
    const [k] = await tdb.database.db.select().from(worker).where(eq(worker.id, keep));
    expect(k).toMatchObject({ dusun: null, rt: null, phone: '0852-6600-7788' });
  });

  it('answers NOT_FOUND out of scope and CONFLICT once decided', async () => {
    const a = await aWorker('Yusuf Maulana', MUARA_TEBO, { sex: 'L', birthDate: '1988-04-04' });
    const b = await aWorker('Yusuf Maulana', MUARA_TEBO, { sex: 'L', birthDate: '1988-04-04' });
    await expect(
      mergeWorkers(tdb.ctx(bungo.actor), { keepId: a, mergeId: b }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      mergeWorkers(tdb.ctx(bungo.actor), { keepId: a, mergeId: 'bukan-id' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'Data yang digabungkan tidak valid.' });
    await mergeWorkers(tdb.ctx(tebo.actor), { keepId: b, mergeId: a });
    await expect(
      mergeWorkers(tdb.ctx(tebo.actor), { keepId: a, mergeId: b }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Pasangan ini sudah digabungkan oleh dinas.tebo.',
    });
    const [row] = await tdb.database.db.select().from(worker).where(eq(worker.id, a));
    expect(row!.mergedInto).toBe(b);
  });

  it('lets one of two concurrent decisions on the same pair win; the other gets CONFLICT', async () => {
    const a = await aWorker('Wahyu Pratama', PEDUKUN, { sex: 'L', birthDate: '1991-12-01' });
    const b = await aWorker('Wahyu Pratama', PEDUKUN, { sex: 'L', birthDate: '1991-12-01' });
    await tdb.database.db
      .insert(workerHeir)
      .values({ workerId: a, name: 'Ani', relationship: 'spouse' });
    await tdb.database.db
      .insert(workerHeir)
      .values({ workerId: b, name: 'Ina', relationship: 'spouse' });
    const other = await aUser(tdb, { role: 'regency_admin', scope: '15.08' });
    const results = await Promise.allSettled([
      mergeWorkers(tdb.ctx(bungo.actor), { keepId: a, mergeId: b }),
      mergeWorkers(tdb.ctx(other.actor), { keepId: b, mergeId: a }),
      markDifferent(tdb.ctx(other.actor), { workerA: a, workerB: b }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(['CONFLICT', 'CONFLICT']);
    const decisions = await tdb.database.db
      .select()
      .from(workerDuplicateDecision)
      .where(inArray(workerDuplicateDecision.workerA, [a, b]));
    expect(decisions).toHaveLength(1);
    const rows = await tdb.database.db
      .select()
      .from(worker)
      .where(inArray(worker.id, [a, b]));
    expect(rows.filter((r) => r.mergedInto !== null).length).toBe(
      decisions[0]!.decision === 'merged' ? 1 : 0,
    );
    const heirs = await tdb.database.db
      .select()
      .from(workerHeir)
      .where(inArray(workerHeir.workerId, [a, b]));
    expect(heirs).toHaveLength(2); // moved once, never lost
  });
});
