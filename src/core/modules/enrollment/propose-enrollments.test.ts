import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { enrollment } from '../../db/schema/programs.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { aProgram } from '../../../../test/program-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { createWorker, setLifeStatus, type WorkerInput } from '../workers/index.ts';
import { proposeEnrollments, suggestCandidates, withdrawEnrollments } from './index.ts';

let tdb: TestDatabase;
let pedukunOp: UserFixture;
let rantauOp: UserFixture;
let dinasBungo: UserFixture;
let auditor: UserFixture;
let serial = 0;

const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh, Kabupaten Bungo
const LUBUK_NIUR = '15.08.01.2002';
const RANTAU_DUKU = '15.08.02.2001'; // Kecamatan Rantau Pandan
const TANJUNG_GEDANG = '15.08.03.1006'; // a kelurahan of Bungo
/** Before the 2027 programs start: 20 November 2026, 10:00 in Jakarta. */
const NOVEMBER = () => new Date('2026-11-20T03:00:00Z');

/** A valid NIK of the village's district for a birth date (women add 40 to the day). */
function nikFor(villageCode: string, birthDate: string, sex: 'L' | 'P'): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === 'P' ? 40 : 0);
  return `${villageCode.slice(0, 8).replace(/\./g, '')}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(++serial).padStart(4, '0')}`;
}

async function aWorker(
  fullName: string,
  villageCode = PEDUKUN,
  more: Partial<WorkerInput> = {},
): Promise<{ id: string; nik: string }> {
  const birthDate = more.birthDate ?? '1985-07-01';
  const sex = more.sex ?? 'P';
  const nik = more.nik ?? nikFor(villageCode, birthDate, sex);
  const w = await createWorker(tdb.ctx(), {
    nik,
    fullName,
    birthDate,
    sex,
    villageCode,
    occupationCode: 9,
    ...more,
  });
  return { id: w.id, nik };
}

const as = (u: UserFixture, now = NOVEMBER) => tdb.ctx(u.actor, now);

beforeAll(async () => {
  tdb = await createTestDatabase();
  pedukunOp = await aUser(tdb, {
    role: 'village_operator',
    scope: PEDUKUN,
    username: 'op.pedukun',
  });
  rantauOp = await aUser(tdb, { role: 'village_operator', scope: RANTAU_DUKU });
  dinasBungo = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
});
afterAll(async () => tdb?.close());

describe('a village proposes workers for its seats', () => {
  it('gives a result per NIK, keeping the valid ones beside the refused ones', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 25, [RANTAU_DUKU]: 25 } });
    const siti = await aWorker('Siti Aminah');
    const harun = await aWorker('Harun Rasyid', PEDUKUN, { birthDate: '1955-03-10', sex: 'L' });
    const budi = await aWorker('Budi Santoso', PEDUKUN, { birthDate: '1990-05-15', sex: 'L' });
    const sri = await aWorker('Sri Wahyuni', RANTAU_DUKU);
    const res = await proposeEnrollments(as(pedukunOp), program.id, {
      niks: [siti.nik, harun.nik, '1508014107859999', '12345', sri.nik, ` ${budi.nik} `, siti.nik],
    });
    expect(res).toMatchObject({ enrolled: 2, refused: 5, seats: 25, filled: 2 });
    expect(res.results.map((r) => [r.nik, r.status, r.fullName, r.reasons])).toEqual([
      [siti.nik, 'enrolled', 'Siti Aminah', undefined],
      [
        harun.nik,
        'refused',
        'Harun Rasyid',
        ['Usia 71 tahun pada 1 Januari 2027; maksimal 65 tahun.'],
      ],
      [
        '1508014107859999',
        'refused',
        null,
        [
          'NIK tidak terdaftar di Jaring; daftarkan pekerjanya lebih dulu (Pekerja → Tambah pekerja).',
        ],
      ],
      ['12345', 'refused', null, ['NIK harus 16 digit angka.']],
      // a worker of another village: nothing about her is revealed
      [sri.nik, 'refused', null, ['Pekerja ini tidak terdaftar di desa Pedukun.']],
      [budi.nik, 'enrolled', 'Budi Santoso', undefined],
      [siti.nik, 'refused', 'Siti Aminah', ['Tercantum lebih dari sekali dalam usulan ini.']],
    ]);
    expect(JSON.stringify(res)).not.toContain('Sri Wahyuni');
    const rows = await tdb.database.db
      .select()
      .from(enrollment)
      .where(eq(enrollment.programId, program.id));
    expect(rows).toHaveLength(2);
    const sitiRow = rows.find((r) => r.workerId === siti.id)!;
    expect(sitiRow).toMatchObject({
      status: 'proposed',
      villageCode: PEDUKUN,
      firstMonth: '2027-01-01',
      lastMonth: '2027-12-01',
      proposedBy: 'op.pedukun',
      proposedById: pedukunOp.me.id,
    });
    expect(res.results[0]!.enrollmentId).toBe(sitiRow.id);
    const audits = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'enrollment'), eq(auditLog.entityId, sitiRow.id)));
    expect(audits).toMatchObject([
      {
        action: 'enrollments.propose',
        actorName: 'op.pedukun',
        regionCode: PEDUKUN,
        after: {
          programId: program.id,
          workerId: siti.id,
          status: 'proposed',
          months: 'Januari–Desember 2027',
        },
      },
    ]);
    expect(JSON.stringify(audits[0]!.after)).not.toContain(siti.nik);

    // proposing her again, by NIK or by id, says she is already in
    const again = await proposeEnrollments(as(pedukunOp), program.id, { workerIds: [siti.id] });
    expect(again.results[0]).toMatchObject({
      nik: null,
      workerId: siti.id,
      status: 'refused',
      reasons: ['Sudah menjadi peserta program ini (diusulkan desa).'],
    });
  });

  it('covers the months from the current one when the period has started', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 25 } });
    const w = await aWorker('Nur Aini');
    const april = () => new Date('2027-04-10T03:00:00Z');
    const res = await proposeEnrollments(as(pedukunOp, april), program.id, { niks: [w.nik] });
    const [row] = await tdb.database.db
      .select()
      .from(enrollment)
      .where(eq(enrollment.id, res.results[0]!.enrollmentId!));
    expect(row).toMatchObject({ firstMonth: '2027-04-01', lastMonth: '2027-12-01' });
    const late = () => new Date('2028-01-05T03:00:00Z');
    await expect(
      proposeEnrollments(as(pedukunOp, late), program.id, { niks: [w.nik] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Periode program sudah berakhir; usulan tidak diterima.',
    });
  });

  it('refuses a worker funded by another program in the same months, naming it', async () => {
    const regency = await aProgram(tdb, { seats: { [PEDUKUN]: 25 } });
    const province = await aProgram(tdb, {
      name: 'BKBK Provinsi Jambi 2027',
      ownerRegion: '15',
      funderType: 'apbd_provinsi',
      firstMonth: '2027-07-01',
      lastMonth: '2028-06-01',
      seats: { [PEDUKUN]: 10 },
    });
    const w = await aWorker('Dewi Lestari');
    await proposeEnrollments(as(pedukunOp), regency.id, { niks: [w.nik] });
    const res = await proposeEnrollments(as(pedukunOp), province.id, { niks: [w.nik] });
    expect(res.results[0]).toMatchObject({
      status: 'refused',
      reasons: [
        'Sudah dibiayai program "Perlindungan Pekerja Rentan Kabupaten Bungo 2027" untuk Januari–Desember 2027; satu pekerja hanya satu kursi dalam satu bulan.',
      ],
    });
  });

  it('refuses with every eligibility reason, and warns about unchecked NIK warnings', async () => {
    const program = await aProgram(tdb, {
      eligibility: { minAge: 15, maxAge: 59, segments: [], occupations: [], maxDecile: 4 },
      seats: { [PEDUKUN]: 25 },
    });
    const rich = await aWorker('Rudi Hartono', PEDUKUN, {
      birthDate: '1960-02-02',
      sex: 'L',
      welfareDecile: 8,
      occupationCode: 15,
    });
    const dead = await aWorker('Slamet Riyadi', PEDUKUN, {
      birthDate: '1970-02-02',
      sex: 'L',
      welfareDecile: 1,
    });
    await setLifeStatus(tdb.ctx(), dead.id, { status: 'dead', date: '2026-10-01' });
    // the NIK says 1 July 1985, the register 2 July: a warning kept for review
    const mismatch = await aWorker('Wati Susanti', PEDUKUN, {
      nik: nikFor(PEDUKUN, '1985-07-01', 'P'),
      birthDate: '1985-07-02',
      welfareDecile: 2,
    });
    const res = await proposeEnrollments(as(pedukunOp), program.id, {
      niks: [rich.nik, dead.nik, mismatch.nik],
    });
    expect(res.results.map((r) => [r.status, r.reasons, r.warnings])).toEqual([
      [
        'refused',
        [
          'Usia 66 tahun pada 1 Januari 2027; maksimal 59 tahun.',
          'Pekerjaan Karyawan Swasta: pekerja penerima upah (PU), bukan BPU.',
          'Desil kesejahteraan 8; program ini hanya untuk desil 1–4.',
        ],
        undefined,
      ],
      ['refused', ['Pekerja sudah meninggal dunia (1 Oktober 2026).'], undefined],
      [
        'enrolled',
        undefined,
        ['1 peringatan NIK belum diperiksa; cocokkan dengan KTP sebelum dikirim ke BPJS.'],
      ],
    ]);
  });

  it('refuses a worker of a kelurahan when the program is for desa only', async () => {
    const program = await aProgram(tdb, { seats: { [TANJUNG_GEDANG]: 5 } });
    const op = await aUser(tdb, { role: 'village_operator', scope: TANJUNG_GEDANG });
    const w = await aWorker('Yusuf Maulana', TANJUNG_GEDANG, { sex: 'L' });
    const res = await proposeEnrollments(as(op), program.id, { niks: [w.nik] });
    expect(res.results[0]!.reasons).toEqual([
      'Pekerja tinggal di kelurahan; program ini hanya untuk desa.',
    ]);
  });

  it('never fills more seats than the village has', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 2 } });
    const ws = [await aWorker('Ani'), await aWorker('Ina'), await aWorker('Euis')];
    const res = await proposeEnrollments(as(pedukunOp), program.id, {
      niks: ws.map((w) => w.nik),
    });
    expect(res.results.map((r) => r.status)).toEqual(['enrolled', 'enrolled', 'refused']);
    expect(res.results[2]!.reasons).toEqual(['Kuota desa Pedukun sudah penuh (2 dari 2 kursi).']);
    // a withdrawn proposal frees its seat
    await withdrawEnrollments(as(pedukunOp), { ids: [res.results[0]!.enrollmentId!] });
    const next = await proposeEnrollments(as(pedukunOp), program.id, { niks: [ws[2]!.nik] });
    expect(next).toMatchObject({ enrolled: 1, filled: 2, seats: 2 });
  });

  it('counts a seat ended from a later month as taken until then', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 1 } });
    const leaving = await aWorker('Rohani');
    const first = await proposeEnrollments(as(pedukunOp), program.id, { niks: [leaving.nik] });
    // she moves away in September 2027: her seat is freed from then, her months end in August
    await tdb.database.db
      .update(enrollment)
      .set({ status: 'ended', lastMonth: '2027-08-01', endedFrom: '2027-09-01' })
      .where(eq(enrollment.id, first.results[0]!.enrollmentId!));
    const next = await aWorker('Marlina');
    const early = await proposeEnrollments(as(pedukunOp), program.id, { niks: [next.nik] });
    expect(early.results[0]!.reasons).toEqual(['Kuota desa Pedukun sudah penuh (1 dari 1 kursi).']);
    // proposed in October 2027, the seat covers October–December only: it is free
    const october = () => new Date('2027-10-05T03:00:00Z');
    const late = await proposeEnrollments(as(pedukunOp, october), program.id, {
      niks: [next.nik],
    });
    expect(late).toMatchObject({ enrolled: 1, filled: 1, seats: 1 });
  });

  it('lets an admin propose for a village of the scope, and refuses what is not allowed', async () => {
    const program = await aProgram(tdb, { seats: { [PEDUKUN]: 25 } });
    const w = await aWorker('Lina Marlina');
    await expect(
      proposeEnrollments(as(dinasBungo), program.id, { niks: [w.nik] }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'Pilih desa yang mengusulkan.' });
    const res = await proposeEnrollments(as(dinasBungo), program.id, {
      niks: [w.nik],
      village: PEDUKUN,
    });
    expect(res.enrolled).toBe(1);
    // an operator proposes only for the own village
    await expect(
      proposeEnrollments(as(pedukunOp), program.id, { niks: [w.nik], village: LUBUK_NIUR }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      proposeEnrollments(as(auditor), program.id, { niks: [w.nik] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // a village without seats in the program
    await expect(
      proposeEnrollments(as(rantauOp), program.id, { niks: [w.nik] }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Desa Rantau Duku tidak mendapat kursi dalam program ini.',
    });
    // another regency's program does not exist for Pedukun
    const tebo = await aProgram(tdb, { ownerRegion: '15.09', seats: { '15.09.01.1001': 5 } });
    await expect(
      proposeEnrollments(as(pedukunOp), tebo.id, { niks: [w.nik] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const draft = await aProgram(tdb, { status: 'draft', seats: { [PEDUKUN]: 5 } });
    await expect(
      proposeEnrollments(as(pedukunOp), draft.id, { niks: [w.nik] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(proposeEnrollments(as(pedukunOp), program.id, { niks: [] })).rejects.toMatchObject(
      { code: 'VALIDATION', message: 'Isi minimal satu NIK.' },
    );
    await expect(
      proposeEnrollments(as(pedukunOp), program.id, { niks: [w.nik], workerIds: [w.id] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Isi daftar NIK atau pilih pekerja (salah satu).',
    });
  });
});

describe('suggestions for a village', () => {
  it('lists the eligible workers not yet enrolled in priority order, and the others with reasons', async () => {
    const program = await aProgram(tdb, {
      eligibility: { minAge: 15, maxAge: 65, segments: [], occupations: [], maxDecile: 5 },
      seats: { [LUBUK_NIUR]: 3 },
    });
    const op = await aUser(tdb, { role: 'village_operator', scope: LUBUK_NIUR });
    const add = (name: string, more: Partial<WorkerInput>) => aWorker(name, LUBUK_NIUR, more);
    await add('Poor Young', { welfareDecile: 1, birthDate: '2000-01-01' });
    await add('Poor Old', { welfareDecile: 1, birthDate: '1965-01-01' });
    await add('Poor Kader', { welfareDecile: 1, segment: 'kader', birthDate: '1962-06-01' });
    await add('Decile Three', { welfareDecile: 3 });
    await add('Too Rich', { welfareDecile: 7 });
    await add('No Decile', {});
    const enrolled = await add('Already In', { welfareDecile: 1 });
    await proposeEnrollments(as(op), program.id, { niks: [enrolled.nik] });

    const list = await suggestCandidates(as(op), program.id, {});
    expect(list.village).toEqual({
      code: LUBUK_NIUR,
      name: 'Lubuk Niur',
      seats: 3,
      filled: 1,
      remaining: 2,
    });
    expect(list.firstMonth).toBe('2027-01-01');
    expect(list.eligible.map((c) => c.fullName)).toEqual([
      'Poor Old',
      'Poor Young',
      'Poor Kader',
      'Decile Three',
    ]);
    expect(list.eligible[0]).toMatchObject({ age: 62, welfareDecile: 1, reasons: [] });
    expect(list.ineligible.map((c) => [c.fullName, c.reasons])).toEqual([
      ['Too Rich', ['Desil kesejahteraan 7; program ini hanya untuk desil 1–5.']],
      ['No Decile', ['Desil kesejahteraan belum diisi; program ini hanya untuk desil 1–5.']],
    ]);
    expect(list).toMatchObject({ eligibleTotal: 4, ineligibleTotal: 2 });
    const two = await suggestCandidates(as(op), program.id, { limit: 2 });
    expect(two.eligible).toHaveLength(2);
    expect(two.eligibleTotal).toBe(4);
    // another village's operator cannot look into Lubuk Niur
    await expect(
      suggestCandidates(as(pedukunOp), program.id, { village: LUBUK_NIUR }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
