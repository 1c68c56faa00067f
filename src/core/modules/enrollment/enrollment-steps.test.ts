import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { enrollment } from '../../db/schema/programs.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { aProgram } from '../../../../test/program-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { lockWaiters, onPostgres, otherSession } from '../../../../test/pg-session.ts';
import { closeProgram } from '../programs/index.ts';
import { program as programTable } from '../../db/schema/programs.ts';
import { createWorker } from '../workers/index.ts';
import {
  approveEnrollments,
  enrollmentOverview,
  listEnrollments,
  proposeEnrollments,
  returnEnrollments,
  verifyEnrollments,
  withdrawEnrollments,
} from './index.ts';

let tdb: TestDatabase;
let pedukunOp: UserFixture;
let lubukOp: UserFixture;
let rantauOp: UserFixture;
let camatTanahTumbuh: UserFixture;
let camatRantauPandan: UserFixture;
let dinasBungo: UserFixture;
let dinasTebo: UserFixture;
let auditor: UserFixture;
let serial = 0;

const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh
const LUBUK_NIUR = '15.08.01.2002'; // Kecamatan Tanah Tumbuh
const RANTAU_DUKU = '15.08.02.2001'; // Kecamatan Rantau Pandan
const NOVEMBER = () => new Date('2026-11-20T03:00:00Z');
const as = (u: UserFixture) => tdb.ctx(u.actor, NOVEMBER);

/** A farmer of the village, with a valid NIK of its district. */
async function aWorker(fullName: string, villageCode = PEDUKUN): Promise<string> {
  const nik = `${villageCode.slice(0, 8).replace(/\./g, '')}410785${String(++serial).padStart(4, '0')}`;
  await createWorker(tdb.ctx(), {
    nik,
    fullName,
    birthDate: '1985-07-01',
    sex: 'P',
    villageCode,
    occupationCode: 9,
  });
  return nik;
}

/** Proposes the named workers of the operator's village; returns the enrollment ids. */
async function propose(op: UserFixture, programId: string, names: string[], village = PEDUKUN) {
  const niks = [];
  for (const n of names) niks.push(await aWorker(n, village));
  const res = await proposeEnrollments(as(op), programId, { niks });
  expect(res.enrolled).toBe(names.length);
  return res.results.map((r) => r.enrollmentId!);
}

async function statuses(ids: string[]) {
  const rows = await tdb.database.db
    .select({ id: enrollment.id, status: enrollment.status, reason: enrollment.reason })
    .from(enrollment)
    .where(inArray(enrollment.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!.status);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  pedukunOp = await aUser(tdb, {
    role: 'village_operator',
    scope: PEDUKUN,
    username: 'op.pedukun',
  });
  lubukOp = await aUser(tdb, { role: 'village_operator', scope: LUBUK_NIUR });
  rantauOp = await aUser(tdb, { role: 'village_operator', scope: RANTAU_DUKU });
  camatTanahTumbuh = await aUser(tdb, {
    role: 'district_officer',
    scope: '15.08.01',
    username: 'camat.tanahtumbuh',
  });
  camatRantauPandan = await aUser(tdb, { role: 'district_officer', scope: '15.08.02' });
  dinasBungo = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  dinasTebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09' });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
});
afterAll(async () => tdb?.close());

describe('the approval chain: village → district → regency', () => {
  it('verifies in the district, approves in the regency, each change audited', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 25, [RANTAU_DUKU]: 25 } });
    const [siti, nur] = await propose(pedukunOp, program.id, ['Siti Aminah', 'Nur Aini']);
    const [sri] = await propose(rantauOp, program.id, ['Sri Wahyuni'], RANTAU_DUKU);

    // the regency cannot approve before the district has verified
    const early = await approveEnrollments(as(dinasBungo), { ids: [siti!] });
    expect(early.results[0]).toMatchObject({
      result: 'refused',
      status: 'proposed',
      message: 'Usulan ini belum diverifikasi kecamatan.',
    });
    // the district of Tanah Tumbuh verifies its villages only: Rantau Duku's does not exist for it
    const verified = await verifyEnrollments(as(camatTanahTumbuh), { ids: [siti!, nur!, sri!] });
    expect(verified).toMatchObject({ done: 2, refused: 1 });
    expect(verified.results).toEqual([
      { id: siti, result: 'done', status: 'verified', fullName: 'Siti Aminah', message: null },
      { id: nur, result: 'done', status: 'verified', fullName: 'Nur Aini', message: null },
      {
        id: sri,
        result: 'refused',
        status: null,
        fullName: null,
        message: 'Peserta tidak ditemukan.',
      },
    ]);
    // verifying twice is refused, with the status in words
    const twice = await verifyEnrollments(as(camatTanahTumbuh), { ids: [siti!] });
    expect(twice.results[0]!.message).toBe(
      'Langkah ini tidak dapat dilakukan: status peserta saat ini "diverifikasi kecamatan".',
    );
    // another regency's admin finds nothing; Bungo's approves
    expect((await approveEnrollments(as(dinasTebo), { ids: [siti!] })).results[0]!.message).toBe(
      'Peserta tidak ditemukan.',
    );
    const approved = await approveEnrollments(as(dinasBungo), { ids: [siti!, nur!] });
    expect(approved.done).toBe(2);
    expect(await statuses([siti!, nur!, sri!])).toEqual(['approved', 'approved', 'proposed']);
    const trail = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'enrollment'), eq(auditLog.entityId, siti!)))
      .orderBy(auditLog.id);
    expect(trail.map((a) => [a.action, a.actorName, a.regionCode])).toEqual([
      ['enrollments.propose', 'op.pedukun', PEDUKUN],
      ['enrollments.verify', 'camat.tanahtumbuh', PEDUKUN],
      ['enrollments.approve', 'dinas.bungo', PEDUKUN],
    ]);
    expect(trail[2]).toMatchObject({
      before: { status: 'verified' },
      after: { status: 'approved', programId: program.id },
    });
    // roles without the step are refused outright
    await expect(verifyEnrollments(as(dinasBungo), { ids: [sri!] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(approveEnrollments(as(camatRantauPandan), { ids: [sri!] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(withdrawEnrollments(as(auditor), { ids: [sri!] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('approves straight from the village when the program has no district step', async () => {
    const program = await aProgram(tdb, { districtStep: false, seats: { [PEDUKUN]: 25 } });
    const [id] = await propose(pedukunOp, program.id, ['Dewi Lestari']);
    const verify = await verifyEnrollments(as(camatTanahTumbuh), { ids: [id!] });
    expect(verify.results[0]!.message).toBe(
      'Program ini tanpa verifikasi kecamatan: usulan langsung disetujui kabupaten.',
    );
    expect((await approveEnrollments(as(dinasBungo), { ids: [id!] })).done).toBe(1);
    expect(await statuses([id!])).toEqual(['approved']);
  });

  it('sends back with a reason; the village may then propose someone else for the seat', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 1 } });
    const [id] = await propose(pedukunOp, program.id, ['Rina Marlina']);
    await expect(returnEnrollments(as(camatTanahTumbuh), { ids: [id!] })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Alasan pengembalian wajib diisi.',
    });
    const reason = 'Masih tercatat sebagai karyawan kebun sawit PT; periksa pekerjaannya.';
    const back = await returnEnrollments(as(camatTanahTumbuh), { ids: [id!], reason });
    expect(back.results[0]).toMatchObject({ result: 'done', status: 'returned' });
    const [row] = await tdb.database.db.select().from(enrollment).where(eq(enrollment.id, id!));
    expect(row).toMatchObject({ status: 'returned', reason });
    // the seat is free again
    const other = await propose(pedukunOp, program.id, ['Yanti Susanti']);
    expect(other).toHaveLength(1);
  });

  it('lets the district send back only what the regency has not approved', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 25 } });
    const [id] = await propose(pedukunOp, program.id, ['Eka Putri']);
    await verifyEnrollments(as(camatTanahTumbuh), { ids: [id!] });
    await approveEnrollments(as(dinasBungo), { ids: [id!] });
    const reason = 'Sudah menjadi peserta BPJS mandiri.';
    const district = await returnEnrollments(as(camatTanahTumbuh), { ids: [id!], reason });
    expect(district.results[0]!.message).toBe(
      'Peserta yang sudah disetujui kabupaten hanya dapat dikembalikan oleh kabupaten.',
    );
    const regency = await returnEnrollments(as(dinasBungo), { ids: [id!], reason });
    expect(regency.results[0]).toMatchObject({ result: 'done', status: 'returned' });
  });

  it('lets the village withdraw before approval, only in the own village', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 25, [LUBUK_NIUR]: 25 } });
    const [a, b] = await propose(pedukunOp, program.id, ['Ani Rahma', 'Ina Rahma']);
    await verifyEnrollments(as(camatTanahTumbuh), { ids: [b!] });
    await approveEnrollments(as(dinasBungo), { ids: [b!] });
    expect((await withdrawEnrollments(as(lubukOp), { ids: [a!] })).results[0]!.message).toBe(
      'Peserta tidak ditemukan.',
    );
    const res = await withdrawEnrollments(as(pedukunOp), { ids: [a!, b!, 'bukan-id'] });
    expect(res.results.map((r) => [r.result, r.status, r.message])).toEqual([
      ['done', 'withdrawn', null],
      [
        'refused',
        'approved',
        'Langkah ini tidak dapat dilakukan: status peserta saat ini "disetujui kabupaten".',
      ],
      ['refused', null, 'Peserta tidak ditemukan.'],
    ]);
  });
});

describe('lists and overview, scoped to the actor', () => {
  it('shows each level its own area, with counts, seats and the steps it may take', async () => {
    const program = await aProgram(tdb, {
      name: 'Program Daftar 2027',
      seats: { [PEDUKUN]: 25, [LUBUK_NIUR]: 10, [RANTAU_DUKU]: 25 },
    });
    const [p1] = await propose(pedukunOp, program.id, ['Wati Pedukun', 'Zahra Pedukun']);
    await propose(lubukOp, program.id, ['Lia Lubuk'], LUBUK_NIUR);
    await propose(rantauOp, program.id, ['Rosa Rantau'], RANTAU_DUKU);
    await verifyEnrollments(as(camatTanahTumbuh), { ids: [p1!] });

    const village = await listEnrollments(as(pedukunOp), program.id, {});
    expect(village.items.map((i) => [i.fullName, i.status, i.villageName])).toEqual([
      ['Wati Pedukun', 'verified', 'Pedukun'],
      ['Zahra Pedukun', 'proposed', 'Pedukun'],
    ]);
    expect(village).toMatchObject({
      total: 2,
      seats: 25,
      filled: 2,
      counts: { proposed: 1, verified: 1 },
      program: { id: program.id, name: 'Program Daftar 2027', districtStep: true },
    });
    expect(village.items[1]).toMatchObject({
      nikMasked: expect.stringMatching(/^150801xxxxxx\d{4}$/),
      districtName: 'Tanah Tumbuh',
      statusLabel: 'diusulkan desa',
      // the operator's name as people know her, not her user name
      proposedBy: pedukunOp.me.displayName,
      canWithdraw: true,
      canVerify: false,
      canApprove: false,
    });

    const district = await listEnrollments(as(camatTanahTumbuh), program.id, {
      status: 'proposed',
    });
    expect(district.items.map((i) => i.fullName)).toEqual(['Zahra Pedukun', 'Lia Lubuk']);
    expect(district).toMatchObject({ seats: 35, counts: { proposed: 2, verified: 1 } });
    expect(district.items.every((i) => i.canVerify && i.canReturn && !i.canApprove)).toBe(true);

    const regency = await listEnrollments(as(dinasBungo), program.id, { status: 'verified' });
    expect(regency.items).toMatchObject([
      { fullName: 'Wati Pedukun', canApprove: true, canReturn: true, canVerify: false },
    ]);
    expect((await listEnrollments(as(dinasBungo), program.id, {})).total).toBe(4);
    expect(
      (await listEnrollments(as(dinasBungo), program.id, { region: '15.08.02' })).items.map(
        (i) => i.fullName,
      ),
    ).toEqual(['Rosa Rantau']);
    expect(
      (await listEnrollments(as(auditor), program.id, { q: 'zahra' })).items.map((i) => i.fullName),
    ).toEqual(['Zahra Pedukun']);
    await expect(listEnrollments(as(dinasTebo), program.id, {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const overview = await enrollmentOverview(as(camatTanahTumbuh));
    const mine = overview.items.find((i) => i.program.id === program.id);
    expect(mine).toMatchObject({ seats: 35, filled: 3, counts: { proposed: 2, verified: 1 } });
    expect((await enrollmentOverview(as(dinasTebo))).items).toEqual([]);
  });
});

describe('concurrent proposals for the last seat', () => {
  it(
    onPostgres
      ? 'two operators at once on PostgreSQL: exactly one gets the seat'
      : 'two operators one after the other on PGlite: the second is told the quota is full',
    async () => {
      const program = await aProgram(tdb, { seats: { [PEDUKUN]: 3 } });
      await propose(pedukunOp, program.id, ['Kursi Satu', 'Kursi Dua']);
      const second = await aUser(tdb, { role: 'village_operator', scope: PEDUKUN });
      const a = await aWorker('Calon Pertama');
      const b = await aWorker('Calon Kedua');
      const calls = [
        () => proposeEnrollments(as(pedukunOp), program.id, { niks: [a] }),
        () => proposeEnrollments(as(second), program.id, { niks: [b] }),
      ];
      const results = onPostgres
        ? await Promise.all(calls.map((c) => c()))
        : [await calls[0]!(), await calls[1]!()];
      const outcomes = results.map((r) => r.results[0]!);
      expect(outcomes.filter((o) => o.status === 'enrolled')).toHaveLength(1);
      expect(outcomes.find((o) => o.status === 'refused')!.reasons).toEqual([
        'Kuota desa Pedukun sudah penuh (3 dari 3 kursi).',
      ]);
      const rows = await tdb.database.db
        .select()
        .from(enrollment)
        .where(eq(enrollment.programId, program.id));
      expect(rows).toHaveLength(3);
    },
  );

  it(
    onPostgres
      ? 'a seat taken by another program meanwhile is refused by the database, naming the program; the next worker takes the seat'
      : 'a seat taken by another program before is refused, naming the program; the next worker takes the seat',
    async () => {
      // one seat left in the regency's program: the refused worker must not use it up
      const regency = await aProgram(tdb, { seats: { [PEDUKUN]: 1 } });
      const province = await aProgram(tdb, {
        name: 'BKBK Provinsi Jambi 2027',
        ownerRegion: '15',
        seats: { [PEDUKUN]: 25 },
      });
      const nik = await aWorker('Fitri Handayani');
      const next = await aWorker('Yuliana Sari');
      const check = async (res: Awaited<ReturnType<typeof proposeEnrollments>>) => {
        expect(res.results.map((r) => [r.fullName, r.status, r.reasons])).toEqual([
          ['Fitri Handayani', 'refused', expected],
          ['Yuliana Sari', 'enrolled', undefined],
        ]);
        expect(res).toMatchObject({ enrolled: 1, refused: 1, filled: 1, seats: 1 });
        const audits = await tdb.database.db
          .select()
          .from(auditLog)
          .where(
            and(
              eq(auditLog.action, 'enrollments.propose'),
              eq(auditLog.entityId, res.results[1]!.enrollmentId!),
            ),
          );
        expect(audits).toHaveLength(1);
        const seats = await tdb.database.db
          .select({ status: enrollment.status })
          .from(enrollment)
          .where(eq(enrollment.programId, regency.id));
        expect(seats).toEqual([{ status: 'proposed' }]);
      };
      const expected = [
        'Sudah dibiayai program "BKBK Provinsi Jambi 2027" untuk Januari–Desember 2027; satu pekerja hanya satu kursi dalam satu bulan.',
      ];
      if (!onPostgres) {
        await proposeEnrollments(as(dinasBungo), province.id, { niks: [nik], village: PEDUKUN });
        await check(await proposeEnrollments(as(pedukunOp), regency.id, { niks: [nik, next] }));
        return;
      }
      // The province's seat is inserted in an open transaction: the village's proposal does not
      // see it yet, waits on the constraint, and is refused (23P01) once the province commits.
      const { client: other, dbName } = await otherSession(tdb);
      try {
        await other.query('BEGIN');
        await other.query(
          `INSERT INTO enrollment (program_id, worker_id, village_code, status, first_month, last_month, proposed_by)
           SELECT $1, id, village_code, 'proposed', '2027-01-01', '2027-12-01', 'tes' FROM worker WHERE nik = $2`,
          [province.id, nik],
        );
        const pending = proposeEnrollments(as(pedukunOp), regency.id, { niks: [nik, next] });
        // commit once the proposal waits on the province's row (its insert met the constraint)
        await lockWaiters(other, dbName, 1);
        await other.query('COMMIT');
        await check(await pending);
      } finally {
        await other.end();
      }
    },
  );
});

describe('closing a program', () => {
  it('is refused while proposals are on their way, naming how many; the chain stops once closed', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 25 } });
    const [a, b, c] = await propose(pedukunOp, program.id, ['Ratna Dewi', 'Sumiati', 'Wartini']);
    await verifyEnrollments(as(camatTanahTumbuh), { ids: [b!, c!] });
    await approveEnrollments(as(dinasBungo), { ids: [c!] });

    const refused = await closeProgram(as(dinasBungo), program.id).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect([refused?.code, refused?.message]).toEqual([
      'CONFLICT',
      'Masih ada 3 usulan yang belum selesai (1 diusulkan, 1 diverifikasi kecamatan, 1 disetujui tetapi belum dikirim ke BPJS). Setujui dan kirim, atau kembalikan usulan itu dulu, lalu tutup program.',
    ]);
    const [still] = await tdb.database.db
      .select({ status: programTable.status })
      .from(programTable)
      .where(eq(programTable.id, program.id));
    expect(still!.status).toBe('active');

    const back = await returnEnrollments(as(dinasBungo), {
      ids: [a!, b!, c!],
      reason: 'Anggaran program dialihkan; usulkan kembali pada program 2028.',
    });
    expect(back.done).toBe(3);
    expect((await closeProgram(as(dinasBungo), program.id)).status).toBe('closed');

    // nothing moves in a closed program, whatever the status
    const late = await approveEnrollments(as(dinasBungo), { ids: [a!] });
    expect(late.results[0]).toMatchObject({
      result: 'refused',
      status: 'returned',
      message: 'Program ini sudah ditutup; usulan tidak dapat diproses lagi.',
    });
    const closing = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'programs.close'), eq(auditLog.entityId, program.id)));
    expect(closing).toHaveLength(1);
  });
});

describe('a proposal left in a closed program (closed before this rule, or by hand)', () => {
  it('shows no step buttons and refuses every step', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 25 } });
    const [id] = await propose(pedukunOp, program.id, ['Karsinah']);
    await tdb.database.db
      .update(programTable)
      .set({ status: 'closed' })
      .where(eq(programTable.id, program.id));
    const page = await listEnrollments(as(camatTanahTumbuh), program.id, {});
    expect(page.items.map((i) => [i.fullName, i.status, i.canVerify, i.canReturn])).toEqual([
      ['Karsinah', 'proposed', false, false],
    ]);
    const res = await verifyEnrollments(as(camatTanahTumbuh), { ids: [id!] });
    expect(res.results[0]).toMatchObject({
      result: 'refused',
      message: 'Program ini sudah ditutup; usulan tidak dapat diproses lagi.',
    });
    expect(await statuses([id!])).toEqual(['proposed']);
  });
});
