import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { worker } from '../../db/schema/workers.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  confirmWorkerWarnings,
  createWorker,
  getWorker,
  getWorkerIdentity,
  listWorkers,
  updateWorker,
  type WorkerInput,
} from './index.ts';

let tdb: TestDatabase;
let operator: UserFixture;
let otherOperator: UserFixture;
let dinas: UserFixture;
let auditor: UserFixture;
const all = { sort: 'name' as const, page: 1, pageSize: 200 };
const siti: WorkerInput = {
  nik: '1508014107850001',
  fullName: 'Siti Aminah',
  birthDate: '1985-07-01',
  sex: 'P',
  villageCode: '15.08.01.2001',
  occupationCode: 9,
  dusun: 'Dusun Baru',
  rt: '003',
  rw: '001',
};
beforeAll(async () => {
  tdb = await createTestDatabase();
  operator = await aUser(tdb, {
    role: 'village_operator',
    scope: '15.08.01.2001',
    username: 'op.pedukun',
  });
  otherOperator = await aUser(tdb, {
    role: 'village_operator',
    scope: '15.08.02.2001',
    username: 'op.rantaupandan',
  });
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08', username: 'inspektorat.bungo' });
});
afterAll(async () => tdb?.close());

describe('registering a worker', () => {
  it('stores the worker in the own village, masks the NIK and audits with masked identifiers', async () => {
    const w = await createWorker(tdb.ctx(operator.actor), siti);
    expect(w).toMatchObject({
      nikMasked: '150801xxxxxx0001',
      fullName: 'Siti Aminah',
      villageName: 'Pedukun',
      districtName: 'Tanah Tumbuh',
      regencyName: 'Kabupaten Bungo',
      occupationName: 'PETANI/PEKEBUN',
      occupationClass: 'informal',
      declaredIncome: 1_000_000,
      warnings: [],
      canViewIdentity: true,
      canEdit: true,
    });
    const [audit] = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.id), eq(auditLog.action, 'workers.create')));
    expect(audit).toMatchObject({ actorName: 'op.pedukun', regionCode: '15.08.01.2001' });
    expect(JSON.stringify(audit!.after)).not.toContain('1508014107850001');
    expect(audit!.after).toMatchObject({ nik: '150801xxxxxx0001', fullName: 'Siti Aminah' });
  });

  it('refuses NIK errors with the reason, and keeps nothing', async () => {
    await expect(
      createWorker(tdb.ctx(operator.actor), { ...siti, nik: '1508014107850000' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.',
    });
    await expect(
      createWorker(tdb.ctx(operator.actor), { ...siti, nik: '1599014107850001' }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'nik', code: 'NIK_REGION_UNKNOWN' }] },
    });
    await expect(
      createWorker(tdb.ctx(operator.actor), { ...siti, nik: '15080141078' }),
    ).rejects.toMatchObject({
      message: 'NIK harus 16 digit angka (yang diisi: 11 digit).',
    });
    expect((await listWorkers(tdb.ctx(operator.actor), all)).total).toBe(1);
  });

  it('keeps warnings on the worker when the stated data disagree with the NIK', async () => {
    const w = await createWorker(tdb.ctx(operator.actor), {
      ...siti,
      nik: '1508011203900003',
      fullName: 'Rahmat Hidayat',
      birthDate: '1990-03-13',
      sex: 'L',
    });
    expect(w.warnings).toEqual([
      {
        code: 'NIK_BIRTHDATE_MISMATCH',
        message: 'Tanggal lahir 1990-03-13 berbeda dengan yang tersirat dalam NIK (1990-03-12).',
        confirmed: false,
      },
    ]);
    expect(w.warningCount).toBe(1);
    const flagged = await listWorkers(tdb.ctx(operator.actor), { ...all, hasWarnings: true });
    expect(flagged.items.map((i) => i.fullName)).toEqual(['Rahmat Hidayat']);
    const confirmed = await confirmWorkerWarnings(tdb.ctx(operator.actor), w.id);
    expect(confirmed.warnings[0]!.confirmed).toBe(true);
    expect(confirmed.warningCount).toBe(0);
    // an edit that leaves the same warning keeps it confirmed
    const edited = await updateWorker(tdb.ctx(operator.actor), w.id, { phone: '0812-7400-1234' });
    expect(edited).toMatchObject({ phone: '0812-7400-1234', warningCount: 0 });
    // null clears an optional field; an absent one is kept
    const cleared = await updateWorker(tdb.ctx(operator.actor), w.id, {
      phone: null,
      welfareDecile: null,
    });
    expect(cleared).toMatchObject({ phone: null, welfareDecile: null, dusun: 'Dusun Baru' });
  });

  it('refuses a NIK that is already registered: with a link when visible, without one otherwise', async () => {
    const again = createWorker(tdb.ctx(operator.actor), { ...siti, fullName: 'Siti A.' });
    await expect(again).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'NIK ini sudah terdaftar atas nama Siti Aminah.',
    });
    await expect(again).rejects.toHaveProperty('details.existingId');
    const elsewhere = createWorker(tdb.ctx(otherOperator.actor), {
      ...siti,
      villageCode: '15.08.02.2001',
    });
    await expect(elsewhere).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('ajukan permintaan pindah') as unknown,
    });
    await expect(elsewhere).rejects.not.toHaveProperty('details.existingId');
  });

  it('lets a village operator register only in the own village', async () => {
    await expect(
      createWorker(tdb.ctx(operator.actor), {
        ...siti,
        nik: '1508014107850002',
        villageCode: '15.08.02.2001',
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Desa/kelurahan 15.08.02.2001 di luar wilayah kerja Anda.',
    });
    await expect(
      createWorker(tdb.ctx(auditor.actor), { ...siti, nik: '1508014107850002' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      createWorker(tdb.ctx(dinas.actor), {
        ...siti,
        nik: '1508014107850002',
        villageCode: '15.08.99.2001',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'villageCode' }] },
    });
  });
});

describe('finding workers', () => {
  it('searches by exact NIK or by part of the name, ignoring case and accents', async () => {
    const ctx = tdb.ctx(dinas.actor);
    expect(
      (await listWorkers(ctx, { ...all, q: '1508 0141 0785 0001' })).items.map((i) => i.fullName),
    ).toEqual(['Siti Aminah']);
    expect((await listWorkers(ctx, { ...all, q: '150801410785' })).total).toBe(0);
    expect((await listWorkers(ctx, { ...all, q: 'AMÍNAH' })).items.map((i) => i.nikMasked)).toEqual(
      ['150801xxxxxx0001'],
    );
    expect((await listWorkers(ctx, { ...all, q: '%' })).total).toBe(0);
  });

  it('shows each user only the workers of the own area; out of scope is NOT_FOUND', async () => {
    const mine = await createWorker(tdb.ctx(otherOperator.actor), {
      ...siti,
      nik: '1508025402860004',
      fullName: 'Sri Wahyuni',
      birthDate: '1986-02-14',
      villageCode: '15.08.02.2001',
    });
    expect((await listWorkers(tdb.ctx(operator.actor), all)).items.map((i) => i.fullName)).toEqual([
      'Rahmat Hidayat',
      'Siti Aminah',
    ]);
    expect(
      (await listWorkers(tdb.ctx(otherOperator.actor), all)).items.map((i) => i.fullName),
    ).toEqual(['Sri Wahyuni']);
    const regency = await listWorkers(tdb.ctx(dinas.actor), all);
    expect(regency.total).toBe(3);
    // the regency's total is the sum of what its villages see
    const perVillage = await Promise.all(
      [operator, otherOperator].map(async (u) => (await listWorkers(tdb.ctx(u.actor), all)).total),
    );
    expect(regency.total).toBe(perVillage.reduce((a, b) => a + b, 0));
    await expect(getWorker(tdb.ctx(operator.actor), mine.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Pekerja tidak ditemukan.',
    });
    expect((await getWorker(tdb.ctx(dinas.actor), mine.id)).fullName).toBe('Sri Wahyuni');
  });

  it('sorts on the server', async () => {
    const names = async (sort: 'name' | '-name' | 'birthDate') =>
      (await listWorkers(tdb.ctx(dinas.actor), { ...all, sort })).items.map((i) => i.fullName);
    expect(await names('name')).toEqual(['Rahmat Hidayat', 'Siti Aminah', 'Sri Wahyuni']);
    expect(await names('-name')).toEqual(['Sri Wahyuni', 'Siti Aminah', 'Rahmat Hidayat']);
    expect(await names('birthDate')).toEqual(['Siti Aminah', 'Sri Wahyuni', 'Rahmat Hidayat']);
  });
});

describe('full identifiers and moves', () => {
  it('shows the full NIK only on request, records each view, and never to auditors', async () => {
    const [w] = (await listWorkers(tdb.ctx(operator.actor), { ...all, q: 'siti' })).items;
    const identity = await getWorkerIdentity(tdb.ctx(operator.actor), w!.id);
    expect(identity).toEqual({ nik: '1508014107850001', kk: null, kpj: null });
    const views = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal.view'), eq(auditLog.entityId, w!.id)));
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ actorName: 'op.pedukun', regionCode: '15.08.01.2001' });
    await expect(getWorkerIdentity(tdb.ctx(auditor.actor), w!.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await getWorker(tdb.ctx(auditor.actor), w!.id)).canViewIdentity).toBe(false);
  });

  it('moves a worker to another village only by the regency admin, with history', async () => {
    const [w] = (await listWorkers(tdb.ctx(operator.actor), { ...all, q: 'siti' })).items;
    await expect(
      updateWorker(tdb.ctx(operator.actor), w!.id, { villageCode: '15.08.02.2001' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const moved = await updateWorker(tdb.ctx(dinas.actor), w!.id, { villageCode: '15.08.02.2001' });
    expect(moved).toMatchObject({
      villageName: 'Rantau Duku',
      warnings: [{ code: 'NIK_REGION_DIFFERS', confirmed: false }],
    });
    const [audit] = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'workers.move'), eq(auditLog.entityId, w!.id)));
    expect(audit!.before).toMatchObject({ villageCode: '15.08.01.2001' });
    expect(audit!.after).toMatchObject({ villageCode: '15.08.02.2001' });
    await expect(getWorker(tdb.ctx(operator.actor), w!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('a worker merged into another', () => {
  it('is kept as history and refuses every change', async () => {
    const kept = await createWorker(tdb.ctx(operator.actor), {
      ...siti,
      nik: '1508014107850021',
      fullName: 'Nur Hasanah',
    });
    const gone = await createWorker(tdb.ctx(operator.actor), {
      ...siti,
      nik: '1508014107850022',
      fullName: 'Nur Hasanah',
    });
    await tdb.database.db.update(worker).set({ mergedInto: kept.id }).where(eq(worker.id, gone.id));
    await expect(
      updateWorker(tdb.ctx(operator.actor), gone.id, { phone: '0812-7400-1234' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('digabungkan') });
    await expect(confirmWorkerWarnings(tdb.ctx(operator.actor), gone.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await getWorker(tdb.ctx(operator.actor), gone.id)).phone).toBeNull();
  });
});
