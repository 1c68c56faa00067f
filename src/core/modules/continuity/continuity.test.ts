import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { enrollment, program, programAllocation } from '../../db/schema/programs.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { aProgram } from '../../../../test/program-factories.ts';
import { aWorker, anEnrollment } from '../../../../test/bpjs-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { listEnrollments } from '../enrollment/index.ts';
import { setLifeStatus } from '../workers/index.ts';
import { endEnrollment, listEndingSoon, renewProgram, replaceEnrollment } from './index.ts';

const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh, Kabupaten Bungo
const LUBUK_NIUR = '15.08.01.2002';
/** 20 November 2027 in Jakarta: the 2027 programs end in 41 days. */
const NOW = () => new Date('2027-11-20T03:00:00Z');
/** 20 May 2027: a seat freed in May is filled from June. */
const MAY = () => new Date('2027-05-20T03:00:00Z');

let tdb: TestDatabase;
let dinas: UserFixture;
let dinasTebo: UserFixture;
let provinsi: UserFixture;
let pedukunOp: UserFixture;
let lubukOp: UserFixture;
let auditor: UserFixture;
let programId = '';
const w: Record<string, { id: string; nik: string }> = {};
const e: Record<string, string> = {};
const as = (u: UserFixture) => tdb.ctx(u.actor, NOW);
const inMay = (u: UserFixture) => tdb.ctx(u.actor, MAY);
const row = async (id: string) =>
  (await tdb.database.db.select().from(enrollment).where(eq(enrollment.id, id)))[0]!;

beforeAll(async () => {
  tdb = await createTestDatabase();
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08' });
  dinasTebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09' });
  provinsi = await aUser(tdb, { role: 'province_admin', scope: '15' });
  pedukunOp = await aUser(tdb, { role: 'village_operator', scope: PEDUKUN });
  lubukOp = await aUser(tdb, { role: 'village_operator', scope: LUBUK_NIUR });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
  programId = (await aProgram(tdb, { seats: { [PEDUKUN]: 3, [LUBUK_NIUR]: 25 } })).id;
  const people: [string, string, string, Parameters<typeof aWorker>[3]][] = [
    ['siti', 'Siti Aminah', PEDUKUN, {}],
    ['budi', 'Budi Santoso', PEDUKUN, { sex: 'L' }],
    ['tua', 'Sulaiman', PEDUKUN, { sex: 'L', birthDate: '1962-03-10' }],
    ['rahmat', 'Rahmat Hidayat', LUBUK_NIUR, { sex: 'L' }],
    ['nur', 'Nur Aini', PEDUKUN, {}],
    ['dewi', 'Dewi Lestari', PEDUKUN, {}],
    ['sepuh', 'Mbah Karto', PEDUKUN, { sex: 'L', birthDate: '1955-01-01' }],
    ['lubuk', 'Ahmad Fauzi', LUBUK_NIUR, { sex: 'L' }],
  ];
  for (const [key, name, village, more] of people) w[key] = await aWorker(tdb, name, village, more);
  for (const key of ['siti', 'budi', 'tua', 'rahmat'])
    e[key] = await anEnrollment(tdb, {
      programId,
      workerId: w[key]!.id,
      villageCode: key === 'rahmat' ? LUBUK_NIUR : PEDUKUN,
      status: 'active',
      kpj: `2301000000${['siti', 'budi', 'tua', 'rahmat'].indexOf(key)}`,
      effectiveDate: '2027-01-01',
    });
});
afterAll(async () => tdb?.close());

describe('endEnrollment: a seat freed from a date (mutasi)', () => {
  it('is for the regency office, in its region, on a seat still running', async () => {
    const input = { reason: 'dead', from: '2027-05-14' } as const;
    await expect(endEnrollment(as(pedukunOp), e.budi!, input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(endEnrollment(as(dinasTebo), e.budi!, input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      endEnrollment(as(dinas), e.budi!, { reason: 'dead', from: '2028-02-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message:
        'Tanggal berakhir harus di dalam masa kepesertaan (1 Januari 2027 s.d. 31 Desember 2027).',
    });
    await expect(
      endEnrollment(as(dinas), e.budi!, { reason: 'other', from: '2027-05-14' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'Jelaskan alasannya di catatan.' });
    expect((await row(e.budi!)).status).toBe('active');
  });

  it('ends the seat in the month of the date, keeps the history, and audits it', async () => {
    const ended = await endEnrollment(as(dinas), e.budi!, {
      reason: 'dead',
      from: '2027-05-14',
      note: 'Meninggal karena sakit, surat kematian dari Rio.',
    });
    expect(ended).toMatchObject({
      status: 'ended',
      firstMonth: '2027-01',
      lastMonth: '2027-05',
      endedFrom: '2027-05-14',
      reason: 'Meninggal dunia: Meninggal karena sakit, surat kematian dari Rio.',
      workerName: 'Budi Santoso',
    });
    expect(await row(e.budi!)).toMatchObject({
      status: 'ended',
      lastMonth: '2027-05-01',
      kpj: '23010000001',
    });
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enrollments.end'), eq(auditLog.entityId, e.budi!)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity: 'enrollment',
      regionCode: PEDUKUN,
      before: { status: 'active', lastMonth: '2027-12-01' },
      after: { status: 'ended', reason: 'dead', endedFrom: '2027-05-14', lastMonth: '2027-05-01' },
    });
    await expect(
      endEnrollment(as(dinas), e.budi!, { reason: 'dead', from: '2027-05-14' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('replaceEnrollment: another worker of the village takes the remaining months', () => {
  it('refuses a seat not freed, a worker of another village, and an ineligible worker', async () => {
    await expect(
      replaceEnrollment(inMay(pedukunOp), e.siti!, { nik: w.nur!.nik }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(
      replaceEnrollment(inMay(pedukunOp), e.budi!, { nik: w.lubuk!.nik }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Pengganti harus pekerja dari desa yang sama dengan kursi yang dibebaskan.',
    });
    await expect(
      replaceEnrollment(inMay(pedukunOp), e.budi!, { nik: w.sepuh!.nik }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Usia 72 tahun/),
    });
    await expect(
      replaceEnrollment(inMay(pedukunOp), e.budi!, { nik: '1508010107850999' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'NIK ini belum terdaftar di Jaring: daftarkan pekerjanya dulu.',
    });
    await expect(
      replaceEnrollment(inMay(lubukOp), e.budi!, { nik: w.nur!.nik }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a worker funded by another program in those months (no double funding)', async () => {
    const other = await aProgram(tdb, {
      name: 'Dana Desa Pedukun 2027',
      ownerRegion: PEDUKUN,
      funderType: 'apbdes',
    });
    await anEnrollment(tdb, {
      programId: other.id,
      workerId: w.dewi!.id,
      villageCode: PEDUKUN,
      status: 'approved',
      firstMonth: '2027-09-01',
      lastMonth: '2027-12-01',
    });
    await expect(
      replaceEnrollment(inMay(pedukunOp), e.budi!, { nik: w.dewi!.nik }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('"Dana Desa Pedukun 2027"'),
    });
  });

  it('proposes the replacement for June–December, through the same approval chain', async () => {
    const created = await replaceEnrollment(inMay(pedukunOp), e.budi!, { nik: w.nur!.nik });
    expect(created).toMatchObject({
      status: 'proposed',
      workerId: w.nur!.id,
      villageCode: PEDUKUN,
      firstMonth: '2027-06',
      lastMonth: '2027-12',
      replacesId: e.budi,
    });
    expect(await row(created.id)).toMatchObject({
      proposedById: pedukunOp.me.id,
      status: 'proposed',
    });
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enrollments.replace'), eq(auditLog.entityId, created.id)));
    expect(audit[0]).toMatchObject({ entity: 'enrollment', after: { replacesId: e.budi } });
    // the ended seat keeps its history; it cannot be filled twice
    expect((await row(e.budi!)).status).toBe('ended');
    await expect(
      replaceEnrollment(inMay(dinas), e.budi!, { nik: w.dewi!.nik }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Kursi ini sudah diisi pengganti: Nur Aini.',
    });
    // the list says who took the seat (the page then offers no second replacement)
    const list = await listEnrollments(inMay(pedukunOp), programId, { status: 'ended' });
    expect(list.items.map((i) => [i.fullName, i.replacedBy])).toEqual([
      ['Budi Santoso', 'Nur Aini'],
    ]);
  });

  it('respects the village quota', async () => {
    // Pedukun has 3 seats: Siti, Sulaiman and now Nur fill them; freeing Sulaiman's for Budi's…
    await endEnrollment(as(dinas), e.tua!, { reason: 'moved', from: '2027-08-01' });
    await tdb.database.db
      .update(programAllocation)
      .set({ seats: 2 })
      .where(
        and(eq(programAllocation.programId, programId), eq(programAllocation.villageCode, PEDUKUN)),
      );
    const extra = await aWorker(tdb, 'Sri Wahyuni', PEDUKUN);
    await expect(
      replaceEnrollment(as(pedukunOp), e.tua!, { nik: extra.nik }),
    ).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      message: 'Kuota desa ini sudah penuh (2 dari 2 kursi terisi).',
    });
    await tdb.database.db
      .update(programAllocation)
      .set({ seats: 3 })
      .where(
        and(eq(programAllocation.programId, programId), eq(programAllocation.villageCode, PEDUKUN)),
      );
    // proposed in November, the replacement covers November and December, not the months past
    const late = await replaceEnrollment(as(pedukunOp), e.tua!, { nik: extra.nik });
    expect([late.firstMonth, late.lastMonth]).toEqual(['2027-11', '2027-12']);
  });
});

describe('listEndingSoon: protection that ends with nothing after it', () => {
  it('lists per village the workers whose seat ends within the days asked, without a next period', async () => {
    const list = await listEndingSoon(as(dinas));
    expect(list).toMatchObject({ today: '2027-11-20', until: '2028-01-04', days: 45, total: 2 });
    expect(list.villages.map((v) => [v.name, v.count])).toEqual([
      ['Pedukun', 1],
      ['Lubuk Niur', 1],
    ]);
    const siti = list.villages[0]!.workers[0]!;
    expect(siti).toMatchObject({
      name: 'Siti Aminah',
      programId,
      lastMonth: '2027-12',
      endsOn: '2027-12-31',
      daysLeft: 41,
    });
    expect(siti.nik).toBe(`${w.siti!.nik.slice(0, 6)}xxxxxx${w.siti!.nik.slice(12)}`);
    expect(list.programs).toEqual([
      expect.objectContaining({ id: programId, count: 2, renewal: null, canRenew: true }),
    ]);
    expect((await listEndingSoon(as(dinas), { days: 30 })).total).toBe(0);
  });

  it('leaves out a worker with an approved next period, and one who died', async () => {
    const next = await aProgram(tdb, {
      name: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2028 (tahap awal)',
      firstMonth: '2028-01-01',
      lastMonth: '2028-06-01',
      fiscalYear: 2028,
    });
    const approved = await anEnrollment(tdb, {
      programId: next.id,
      workerId: w.rahmat!.id,
      villageCode: LUBUK_NIUR,
      status: 'approved',
      firstMonth: '2028-01-01',
      lastMonth: '2028-06-01',
    });
    let list = await listEndingSoon(as(dinas));
    expect(list.villages.map((v) => v.name)).toEqual(['Pedukun']);
    // a proposal is not yet a next period
    await tdb.database.db
      .update(enrollment)
      .set({ status: 'proposed' })
      .where(eq(enrollment.id, approved));
    list = await listEndingSoon(as(dinas));
    expect(list.total).toBe(2);
    await tdb.database.db
      .update(enrollment)
      .set({ status: 'withdrawn' })
      .where(eq(enrollment.id, approved));
  });

  it('is scoped to the region: a village sees its own, an out-of-scope region is refused', async () => {
    const own = await listEndingSoon(as(lubukOp));
    expect(own.villages.map((v) => v.code)).toEqual([LUBUK_NIUR]);
    expect(own.programs[0]!.canRenew).toBe(false);
    expect((await listEndingSoon(as(auditor), { region: '15.08.01' })).total).toBe(2);
    await expect(listEndingSoon(as(pedukunOp), { region: '15.08' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await listEndingSoon(as(dinasTebo))).total).toBe(0);
    await expect(listEndingSoon(as(dinas), { days: 0 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('renewProgram: next year drafted with the same workers', () => {
  it('is for the office that owns the program, starting after it', async () => {
    const input = { firstMonth: '2028-01', lastMonth: '2028-12' };
    await expect(renewProgram(as(pedukunOp), programId, input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(renewProgram(as(dinasTebo), programId, input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      renewProgram(as(dinas), programId, { firstMonth: '2027-12', lastMonth: '2028-11' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Program lanjutan harus mulai sesudah bulan terakhir program ini (2027-12).',
    });
    const province = await aProgram(tdb, {
      name: 'BKBK Jambi 2027',
      ownerRegion: '15',
      funderType: 'bkbk',
    });
    await expect(renewProgram(as(dinas), province.id, input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await renewProgram(as(provinsi), province.id, input)).program.name).toBe(
      'BKBK Jambi 2028',
    );
  });

  it('copies the rules and seats, proposes the workers still eligible and lists the others with the reason', async () => {
    // Siti dies before the end of the year; Rahmat stays; Nur's seat (a replacement) is still a proposal
    await setLifeStatus(tdb.ctx(undefined, NOW), w.siti!.id, {
      status: 'dead',
      date: '2027-11-02',
    });
    await tdb.database.db
      .update(enrollment)
      .set({ status: 'approved' })
      .where(eq(enrollment.replacesId, e.budi!));
    const result = await renewProgram(as(dinas), programId, {
      firstMonth: '2028-01',
      lastMonth: '2028-12',
      budgetReference: 'DPA 1.02.0.00.0.00.01.0000 TA 2028',
    });
    expect(result.program).toMatchObject({
      name: 'Perlindungan Pekerja Rentan Kabupaten Bungo 2028',
      status: 'draft',
      firstMonth: '2028-01',
      lastMonth: '2028-12',
      previousId: programId,
    });
    expect(result.proposed).toBe(2);
    expect(result.left).toEqual([
      expect.objectContaining({
        workerId: w.siti!.id,
        name: 'Siti Aminah',
        reason: 'Pekerja sudah meninggal dunia (2 November 2027).',
      }),
    ]);
    const [draft] = await tdb.database.db
      .select()
      .from(program)
      .where(eq(program.id, result.program.id));
    expect(draft).toMatchObject({
      ownerRegion: '15.08',
      funderType: 'apbd_kabkota',
      budgetReference: 'DPA 1.02.0.00.0.00.01.0000 TA 2028',
      fiscalYear: 2028,
      package: ['JKK', 'JKM'],
      declaredIncome: 1_000_000,
      previousId: programId,
      createdById: dinas.me.id,
    });
    const seats = await tdb.database.db
      .select()
      .from(programAllocation)
      .where(eq(programAllocation.programId, result.program.id));
    expect(seats.map((s) => [s.villageCode, s.seats]).sort()).toEqual(
      [
        [PEDUKUN, 3],
        [LUBUK_NIUR, 25],
      ].sort(),
    );
    const proposed = await tdb.database.db
      .select()
      .from(enrollment)
      .where(eq(enrollment.programId, result.program.id));
    expect(proposed.map((p) => p.workerId).sort()).toEqual([w.nur!.id, w.rahmat!.id].sort());
    expect(proposed.every((p) => p.status === 'proposed' && p.firstMonth === '2028-01-01')).toBe(
      true,
    );
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'programs.renew'), eq(auditLog.entityId, result.program.id)));
    expect(audit[0]).toMatchObject({
      entity: 'program',
      regionCode: '15.08',
      after: { previousId: programId },
    });
    // the list shows the draft beside the program; renewing twice is refused
    const list = await listEndingSoon(as(dinas));
    expect(list.programs[0]).toMatchObject({
      renewal: { id: result.program.id, status: 'draft' },
      canRenew: false,
    });
    await expect(
      renewProgram(as(dinas), programId, { firstMonth: '2028-01', lastMonth: '2028-12' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('leaves out a worker too old at the new start', async () => {
    const p = await aProgram(tdb, {
      name: 'Program Tahap Satu',
      fiscalYear: 2027,
      firstMonth: '2027-01-01',
      lastMonth: '2027-06-01',
      seats: { [PEDUKUN]: 5 },
    });
    const old = await aWorker(tdb, 'Wagiman', PEDUKUN, { sex: 'L', birthDate: '1961-10-15' });
    await anEnrollment(tdb, {
      programId: p.id,
      workerId: old.id,
      villageCode: PEDUKUN,
      status: 'active',
      firstMonth: '2027-01-01',
      lastMonth: '2027-06-01',
    });
    const result = await renewProgram(as(dinas), p.id, {
      firstMonth: '2028-01',
      lastMonth: '2028-06',
    });
    expect(result.program.name).toBe('Program Tahap Satu 2028');
    // last year's DPA (the factory's) is not carried into the new year: the office fills in the new one
    const [renewed] = await tdb.database.db
      .select()
      .from(program)
      .where(eq(program.id, result.program.id));
    expect(renewed!.budgetReference).toBeNull();
    expect(result.proposed).toBe(0);
    expect(result.left[0]!.reason).toBe('Usia 66 tahun pada 1 Januari 2028; maksimal 65 tahun.');
  });
});
