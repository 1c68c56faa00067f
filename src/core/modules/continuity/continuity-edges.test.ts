import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { enrollment, program } from '../../db/schema/programs.ts';
import { worker } from '../../db/schema/workers.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { aProgram } from '../../../../test/program-factories.ts';
import { aWorker, anEnrollment } from '../../../../test/bpjs-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { lockWaiters, onPostgres, otherSession } from '../../../../test/pg-session.ts';
import { proposeEnrollments } from '../enrollment/index.ts';
import { setLifeStatus } from '../workers/index.ts';
import { workersWithKind } from './continuity.repository.ts';
import { endEnrollment, listEndingSoon, renewProgram, replaceEnrollment } from './index.ts';
import { overlappingSeats } from '../enrollment/enrollment.repository.ts';

/**
 * The corners of mutasi and continuity found in review: which seats may be ended and from which
 * day, the death date from the worker's life status, the village quota under concurrent requests,
 * the following period that counts, and renewing a province-sized program.
 */
const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh, Kabupaten Bungo
const LUBUK_NIUR = '15.08.01.2002';
/** 20 May 2027 in Jakarta. */
const MAY = () => new Date('2027-05-20T03:00:00Z');
/** 20 November 2027: the 2027 programs end in 41 days. */
const NOV = () => new Date('2027-11-20T03:00:00Z');

let tdb: TestDatabase;
let dinas: UserFixture;
let pedukunOp: UserFixture;
const inMay = (u: UserFixture) => tdb.ctx(u.actor, MAY);
const inNov = (u: UserFixture) => tdb.ctx(u.actor, NOV);
const rowOf = async (id: string) =>
  (await tdb.database.db.select().from(enrollment).where(eq(enrollment.id, id)))[0]!;

async function seat(
  programId: string,
  name: string,
  status: 'approved' | 'sent' | 'active' | 'ended',
  more: Partial<Parameters<typeof anEnrollment>[1]> = {},
  village = PEDUKUN,
) {
  const w = await aWorker(tdb, name, village);
  const id = await anEnrollment(tdb, {
    programId,
    workerId: w.id,
    villageCode: village,
    status,
    ...(status === 'active' ? { effectiveDate: '2027-01-01' } : {}),
    ...more,
  });
  return { ...w, enrollmentId: id };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08' });
  pedukunOp = await aUser(tdb, { role: 'village_operator', scope: PEDUKUN });
});
afterAll(async () => tdb?.close());

describe('endEnrollment: which seats, from which day', () => {
  it('refuses a seat not sent to BPJS yet: it is sent back instead, and its months stay free', async () => {
    const p = await aProgram(tdb, { name: 'Program Akhiri Disetujui' });
    const w = await seat(p.id, 'Siti Aminah', 'approved');
    await expect(
      endEnrollment(inMay(dinas), w.enrollmentId, { reason: 'moved', from: '2027-05-14' }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message:
        'Peserta ini belum dikirim ke BPJS, jadi belum terlindungi: kembalikan usulannya dengan alasan agar kursinya bebas untuk seluruh periode.',
    });
    expect(await rowOf(w.enrollmentId)).toMatchObject({
      status: 'approved',
      lastMonth: '2027-12-01',
    });
  });

  it('refuses a date before the first month of the seat, or before its effective date', async () => {
    const p = await aProgram(tdb, { name: 'Program Akhiri Sebelum' });
    const w = await seat(p.id, 'Budi Santoso', 'active', {
      firstMonth: '2027-03-01',
      effectiveDate: '2027-03-10',
    });
    await expect(
      endEnrollment(inMay(dinas), w.enrollmentId, { reason: 'moved', from: '2027-02-27' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message:
        'Tanggal berakhir harus di dalam masa kepesertaan (1 Maret 2027 s.d. 31 Desember 2027).',
    });
    await expect(
      endEnrollment(inMay(dinas), w.enrollmentId, { reason: 'moved', from: '2027-03-05' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message:
        'Tanggal berakhir tidak boleh sebelum tanggal efektif kepesertaan di BPJS (10 Maret 2027).',
    });
    expect((await rowOf(w.enrollmentId)).status).toBe('active');
  });

  it('takes the death date recorded on the worker, and refuses another one', async () => {
    const p = await aProgram(tdb, { name: 'Program Akhiri Meninggal' });
    const w = await seat(p.id, 'Sulaiman', 'active');
    await setLifeStatus(inMay(dinas), w.id, { status: 'dead', date: '2027-04-02' });
    await expect(
      endEnrollment(inMay(dinas), w.enrollmentId, { reason: 'dead', from: '2027-05-14' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message:
        'Data pekerja mencatat tanggal meninggal 2 April 2027: kursi dibebaskan mulai tanggal itu (perbaiki data pekerja bila tanggalnya salah).',
    });
    const ended = await endEnrollment(inMay(dinas), w.enrollmentId, { reason: 'dead' });
    expect(ended).toMatchObject({ status: 'ended', endedFrom: '2027-04-02', lastMonth: '2027-04' });
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enrollments.end'), eq(auditLog.entityId, w.enrollmentId)));
    expect(audit[0]).toMatchObject({ after: { endedFrom: '2027-04-02', reason: 'dead' } });
  });

  it('asks for the date when the worker’s death is not recorded yet', async () => {
    const p = await aProgram(tdb, { name: 'Program Akhiri Tanpa Tanggal' });
    const w = await seat(p.id, 'Mbah Karto', 'active');
    await expect(
      endEnrollment(inMay(dinas), w.enrollmentId, { reason: 'dead' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Tanggal berakhir wajib diisi (TTTT-BB-HH).',
    });
    await expect(
      endEnrollment(inMay(dinas), w.enrollmentId, { reason: 'moved' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('replaceEnrollment and a proposal at once', () => {
  it(
    onPostgres
      ? 'never fill more seats than the village has: both wait on the village’s seats'
      : 'never fill more seats than the village has',
    async () => {
      const p = await aProgram(tdb, { name: 'Program Kursi Terakhir', seats: { [PEDUKUN]: 2 } });
      await seat(p.id, 'Ani Rahayu', 'active');
      const gone = await seat(p.id, 'Rudi Hartono', 'ended', { lastMonth: '2027-04-01' });
      const taker = await aWorker(tdb, 'Sri Wahyuni', PEDUKUN);
      const proposed = await aWorker(tdb, 'Wati Susanti', PEDUKUN);
      // the last seat: the village proposes Wati while the replacement of Rudi by Sri goes in
      const both = () =>
        Promise.allSettled([
          replaceEnrollment(inMay(pedukunOp), gone.enrollmentId, { nik: taker.nik }),
          proposeEnrollments(inMay(pedukunOp), p.id, { niks: [proposed.nik], village: PEDUKUN }),
        ]);
      let settled: Awaited<ReturnType<typeof both>>;
      if (!onPostgres) settled = await both();
      else {
        // On PostgreSQL both really run at once: another session holds the village's seats, both
        // must queue on that same lock (else the wait below fails), then each counts the other's seat.
        const { client: other, dbName } = await otherSession(tdb);
        try {
          await other.query('BEGIN');
          await other.query(
            'SELECT 1 FROM program_allocation WHERE program_id = $1 AND village_code = $2 FOR UPDATE',
            [p.id, PEDUKUN],
          );
          const pending = both();
          await lockWaiters(other, dbName, 2);
          await other.query('COMMIT');
          settled = await pending;
        } finally {
          await other.end();
        }
      }
      const [replaced, proposal] = settled;
      const filled = await tdb.database.db
        .select()
        .from(enrollment)
        .where(
          and(
            eq(enrollment.programId, p.id),
            inArray(enrollment.status, ['proposed', 'verified', 'approved', 'sent', 'active']),
          ),
        );
      expect(filled).toHaveLength(2);
      const replacedOk = replaced.status === 'fulfilled';
      const proposalOk =
        proposal.status === 'fulfilled' && proposal.value.results[0]!.status === 'enrolled';
      expect([replacedOk, proposalOk].filter(Boolean)).toHaveLength(1);
      if (!replacedOk)
        expect(replaced.reason).toMatchObject({
          code: 'QUOTA_EXCEEDED',
          message: 'Kuota desa ini sudah penuh (2 dari 2 kursi terisi).',
        });
    },
  );

  it('counts a seat ended from a later date as taken until then', async () => {
    const p = await aProgram(tdb, { name: 'Program Kursi Per Bulan', seats: { [PEDUKUN]: 2 } });
    await seat(p.id, 'Hasan Basri', 'active');
    const leaving = await seat(p.id, 'Fitri Handayani', 'active');
    const gone = await seat(p.id, 'Iwan Setiawan', 'ended', { lastMonth: '2027-04-01' });
    // Fitri moves away in September: her seat is paid until then
    await endEnrollment(inMay(dinas), leaving.enrollmentId, {
      reason: 'moved',
      from: '2027-09-10',
    });
    const first = await aWorker(tdb, 'Yuni Astuti', PEDUKUN);
    await expect(
      replaceEnrollment(inMay(pedukunOp), gone.enrollmentId, { nik: first.nik }),
    ).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      message: 'Kuota desa ini sudah penuh (2 dari 2 kursi terisi).',
    });
    // Fitri's own seat is taken from October, when she is gone
    const second = await aWorker(tdb, 'Eko Prasetyo', PEDUKUN);
    const replaced = await replaceEnrollment(inMay(pedukunOp), leaving.enrollmentId, {
      nik: second.nik,
    });
    expect([replaced.firstMonth, replaced.lastMonth]).toEqual(['2027-10', '2027-12']);
  });

  it('refuses a village that has no seat in the program', async () => {
    const p = await aProgram(tdb, { name: 'Program Tanpa Kursi Desa', seats: { [PEDUKUN]: 5 } });
    const gone = await seat(p.id, 'Agus Salim', 'ended', { lastMonth: '2027-04-01' }, LUBUK_NIUR);
    const taker = await aWorker(tdb, 'Joko Widodo', LUBUK_NIUR);
    await expect(
      replaceEnrollment(inMay(dinas), gone.enrollmentId, { nik: taker.nik }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Desa ini tidak mendapat kursi dalam program ini.',
    });
  });
});

describe('listEndingSoon: what counts as a following period', () => {
  it('counts an approved period of another program, not a rejected one nor one after a gap', async () => {
    const p = await aProgram(tdb, {
      name: 'Program Lubuk Niur 2027',
      ownerRegion: LUBUK_NIUR,
      funderType: 'apbdes',
    });
    const next = await aProgram(tdb, {
      name: 'Program Provinsi 2028',
      ownerRegion: '15',
      funderType: 'apbd_provinsi',
      firstMonth: '2028-01-01',
      lastMonth: '2028-12-01',
      fiscalYear: 2028,
    });
    const followed = await seat(p.id, 'Ahmad Fauzi', 'active', {}, LUBUK_NIUR);
    const rejected = await seat(p.id, 'Dewi Lestari', 'active', {}, LUBUK_NIUR);
    const gap = await seat(p.id, 'Nur Aini', 'active', {}, LUBUK_NIUR);
    for (const [w, status, firstMonth] of [
      [followed, 'approved', '2028-01-01'],
      [rejected, 'rejected', '2028-01-01'],
      [gap, 'active', '2028-02-01'],
    ] as const)
      await anEnrollment(tdb, {
        programId: next.id,
        workerId: w.id,
        villageCode: LUBUK_NIUR,
        status,
        firstMonth,
        lastMonth: '2028-12-01',
      });
    const list = await listEndingSoon(inNov(dinas), { region: LUBUK_NIUR });
    expect(list.villages).toHaveLength(1);
    expect(list.villages[0]!.workers.map((w) => w.name).sort()).toEqual([
      'Dewi Lestari',
      'Nur Aini',
    ]);
  });
});

describe('renewProgram', () => {
  it('refuses to renew a draft: it has run no period yet', async () => {
    const draft = await aProgram(tdb, { name: 'Program Masih Draf 2027', status: 'draft' });
    await expect(
      renewProgram(inNov(dinas), draft.id, { firstMonth: '2028-01', lastMonth: '2028-12' }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Program draf belum berjalan: aktifkan dulu, baru dapat diperpanjang.',
    });
    const drafts = await tdb.database.db
      .select()
      .from(program)
      .where(eq(program.previousId, draft.id));
    expect(drafts).toHaveLength(0);
  });

  it('reads the workers of a province-sized renewal (66,000: more than a statement may name one by one)', async () => {
    // Jambi's BKBK protects about 78,000 workers (DOMAIN §1). renewProgram reads its seated workers
    // with workersWithKind; naming each id as its own parameter broke past 65,535. The whole
    // renewal at this size takes half a minute on PGlite, so the test stops at the read.
    const N = 66_000;
    await tdb.database.db.execute(
      sql`INSERT INTO worker (nik, full_name, name_key, birth_date, sex, village_code, occupation_code, segment)
          SELECT '150801' || lpad(((g - 1) / 5000 + 1)::text, 2, '0') || '0190'
              || lpad(((g - 1) % 5000 + 1)::text, 4, '0'),
            'Pekerja ' || g, 'pekerja ' || g, make_date(1990, 1, (g - 1) / 5000 + 1), 'L',
            ${LUBUK_NIUR}, 9, 'pekerja_rentan'
          FROM generate_series(1, ${N}) g`,
    );
    const ids = (
      await tdb.database.db
        .select({ id: worker.id })
        .from(worker)
        .where(eq(worker.villageCode, LUBUK_NIUR))
    ).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(N);
    const workers = await workersWithKind(tdb.database.db, { ids });
    expect(workers).toHaveLength(ids.length);
    expect(workers.every((w) => w.villageKind === 'desa')).toBe(true);
    expect(workers.find((w) => w.nik === '1508011301905000')).toMatchObject({
      fullName: 'Pekerja 65000',
      birthDate: '1990-01-13',
    });
    // and their seats in a year no program covers, read the same way: one array, no limit
    expect((await overlappingSeats(tdb.database.db, ids, '2040-01-01', '2040-12-01')).size).toBe(0);
  }, 120_000);
});
