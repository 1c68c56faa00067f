import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { enrollment, program } from '../../db/schema/programs.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { aProgram } from '../../../../test/program-factories.ts';
import {
  aWorker,
  anEnrollment,
  readXlsx,
  tempDir,
  writeAnswer,
} from '../../../../test/bpjs-factories.ts';
import { capture } from '../../../../test/capture.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import {
  exportBatch,
  getBatch,
  getResultImport,
  importResults,
  writeNotAppliedRows,
} from './index.ts';

/**
 * The corners of the exchange found in review: the effective date against the seat's months,
 * closed and draft programs, NIKs outside the uploader's region, two exports at once, ids that
 * are not UUIDs.
 */
const PEDUKUN = '15.08.01.2001'; // Kabupaten Bungo
const MUARA_TEBO = '15.09.01.1001'; // Kabupaten Tebo

let tdb: TestDatabase;
let dinas: UserFixture;
let provinsi: UserFixture;
let bpjsBungo: UserFixture;
const as = (u: UserFixture) => tdb.ctx(u.actor);
const dir = tempDir();
const HEADERS = ['nik', 'nama', 'hasil', 'alasan', 'kpj', 'tanggal_efektif'];
let kpjSerial = 0;
const nextKpj = () => `2302${String((kpjSerial += 1)).padStart(7, '0')}`;

const rowOf = async (id: string) =>
  (await tdb.database.db.select().from(enrollment).where(eq(enrollment.id, id)))[0]!;

/** A worker of Pedukun with a seat `sent` to BPJS in the program (2027 unless told). */
async function sentSeat(programId: string, name: string, months?: [string, string]) {
  const w = await aWorker(tdb, name, PEDUKUN);
  const id = await anEnrollment(tdb, {
    programId,
    workerId: w.id,
    villageCode: PEDUKUN,
    status: 'sent',
    ...(months ? { firstMonth: months[0], lastMonth: months[1] } : {}),
  });
  return { ...w, enrollmentId: id };
}

async function answer(
  actor: UserFixture,
  programId: string,
  name: string,
  rows: (string | null)[][],
) {
  const file = await writeAnswer(path.join(dir, name), HEADERS, rows);
  return importResults(as(actor), programId, { path: file, fileName: name });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08' });
  provinsi = await aUser(tdb, { role: 'province_admin', scope: '15' });
  bpjsBungo = await aUser(tdb, { role: 'bpjs_officer', scope: ['15.08'] });
});
afterAll(async () => tdb?.close());

describe('the effective date of an accepted row', () => {
  it('must not be before the first month of the seat', async () => {
    const p = await aProgram(tdb, { name: 'Program Efektif Awal', seats: { [PEDUKUN]: 25 } });
    const siti = await sentSeat(p.id, 'Siti Aminah');
    const result = await answer(bpjsBungo, p.id, 'awal.csv', [
      [siti.nik, 'Siti Aminah', 'diterima', '', nextKpj(), '2026-12-15'],
    ]);
    expect(result.counts).toMatchObject({ total: 1, accepted: 0, invalid: 1 });
    expect(result.rows[0]).toMatchObject({
      outcome: 'invalid',
      message:
        'Tanggal efektif 15 Desember 2026 sebelum awal masa kepesertaan (1 Januari 2027): periksa tanggalnya.',
    });
    expect(await rowOf(siti.enrollmentId)).toMatchObject({ status: 'sent', effectiveDate: null });
  });

  it('makes the seat active from the month of that date: the months before are not funded', async () => {
    const p = await aProgram(tdb, { name: 'Program Efektif Maret', seats: { [PEDUKUN]: 25 } });
    const budi = await sentSeat(p.id, 'Budi Santoso');
    const kpj = nextKpj();
    const file: (string | null)[][] = [
      [budi.nik, 'Budi Santoso', 'diterima', '', kpj, '2027-03-10'],
    ];
    const result = await answer(bpjsBungo, p.id, 'maret.csv', file);
    expect(result.counts).toMatchObject({ total: 1, accepted: 1 });
    expect(await rowOf(budi.enrollmentId)).toMatchObject({
      status: 'active',
      kpj,
      effectiveDate: '2027-03-10',
      firstMonth: '2027-03-01',
      lastMonth: '2027-12-01',
    });
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bpjs.importResults'), eq(auditLog.entityId, result.id)));
    expect(audit[0]!.after).toMatchObject({
      acceptedEnrollmentIds: [budi.enrollmentId],
      startMovedEnrollmentIds: [budi.enrollmentId],
    });
    // January and February were never protected: another funder may take them
    const village = await aProgram(tdb, {
      name: 'Dana Desa Pedukun Jan–Feb 2027',
      ownerRegion: PEDUKUN,
      funderType: 'apbdes',
      firstMonth: '2027-01-01',
      lastMonth: '2027-02-01',
    });
    await expect(
      anEnrollment(tdb, {
        programId: village.id,
        workerId: budi.id,
        villageCode: PEDUKUN,
        status: 'proposed',
        firstMonth: '2027-01-01',
        lastMonth: '2027-02-01',
      }),
    ).resolves.toEqual(expect.any(String));
    // the same answer again changes nothing
    const again = await answer(bpjsBungo, p.id, 'maret-lagi.csv', file);
    expect(again.counts).toMatchObject({ total: 1, unchanged: 1, accepted: 0 });
    expect((await rowOf(budi.enrollmentId)).firstMonth).toBe('2027-03-01');
  });

  it('says an empty result cell is a row the branch has not answered yet', async () => {
    const p = await aProgram(tdb, { name: 'Program Belum Dijawab', seats: { [PEDUKUN]: 25 } });
    const nur = await sentSeat(p.id, 'Nur Aini');
    const result = await answer(bpjsBungo, p.id, 'kosong.csv', [
      [nur.nik, 'Nur Aini', '', '', '', ''],
    ]);
    expect(result.rows[0]).toMatchObject({
      outcome: 'invalid',
      message: 'Kolom hasil kosong: BPJS belum menjawab baris ini.',
    });
    expect((await rowOf(nur.enrollmentId)).status).toBe('sent');
  });
});

describe('a NIK outside the uploader’s region', () => {
  it('is reported as not registered, as a NIK nobody has: the file does not reveal who is registered elsewhere', async () => {
    const p = await aProgram(tdb, { name: 'Program Cakupan NIK', seats: { [PEDUKUN]: 25 } });
    const yusuf = await aWorker(tdb, 'Yusuf Maulana', MUARA_TEBO, { sex: 'L' });
    const result = await answer(bpjsBungo, p.id, 'luar.csv', [
      [yusuf.nik, 'Yusuf Maulana', 'diterima', '', nextKpj(), '2027-01-01'],
      ['3509015507900001', 'Tidak Ada', 'diterima', '', nextKpj(), '2027-01-01'],
    ]);
    expect(result.counts).toMatchObject({ total: 2, unknown_nik: 2, not_in_program: 0 });
    expect(result.rows.map((r) => r.message)).toEqual([
      'NIK tidak terdaftar di Jaring untuk wilayah Anda.',
      'NIK tidak terdaftar di Jaring untuk wilayah Anda.',
    ]);
  });

  it('is still found when the worker moved away after the seat was sent', async () => {
    const p = await aProgram(tdb, { name: 'Program Pindah Keluar', seats: { [PEDUKUN]: 25 } });
    const dewi = await sentSeat(p.id, 'Dewi Lestari');
    // she moved to Tebo after the batch left; her seat stays in Pedukun
    await tdb.database.db.execute(
      sql`UPDATE worker SET village_code = ${MUARA_TEBO} WHERE id = ${dewi.id}`,
    );
    const result = await answer(bpjsBungo, p.id, 'pindah.csv', [
      [dewi.nik, 'Dewi Lestari', 'diterima', '', nextKpj(), '2027-01-01'],
    ]);
    expect(result.counts).toMatchObject({ total: 1, accepted: 1 });
  });
});

describe('closed and draft programs', () => {
  it('sends nothing more to BPJS once a program is closed', async () => {
    const p = await aProgram(tdb, { name: 'Program Ditutup Kirim', seats: { [PEDUKUN]: 25 } });
    const w = await aWorker(tdb, 'Rahmat Hidayat', PEDUKUN, { sex: 'L' });
    const approved = await anEnrollment(tdb, {
      programId: p.id,
      workerId: w.id,
      villageCode: PEDUKUN,
      status: 'approved',
    });
    await tdb.database.db.update(program).set({ status: 'closed' }).where(eq(program.id, p.id));
    await expect(exportBatch(as(dinas), p.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Program ini sudah ditutup: peserta yang disetujui tidak dapat dikirim lagi ke BPJS.',
    });
    expect((await rowOf(approved)).status).toBe('approved');
  });

  it('still records the answer to a batch sent before the program closed', async () => {
    const p = await aProgram(tdb, { name: 'Program Ditutup Jawab', seats: { [PEDUKUN]: 25 } });
    const ani = await sentSeat(p.id, 'Ani Rahayu');
    await tdb.database.db.update(program).set({ status: 'closed' }).where(eq(program.id, p.id));
    const kpj = nextKpj();
    const result = await answer(bpjsBungo, p.id, 'tutup.csv', [
      [ani.nik, 'Ani Rahayu', 'diterima', '', kpj, '2027-01-01'],
    ]);
    expect(result.counts).toMatchObject({ total: 1, accepted: 1 });
    expect(await rowOf(ani.enrollmentId)).toMatchObject({ status: 'active', kpj });
  });

  it('takes no answer for a draft program: nothing of it was sent', async () => {
    const p = await aProgram(tdb, { name: 'Program Draf', status: 'draft' });
    await expect(
      answer(bpjsBungo, p.id, 'draf.csv', [['1508014107850001', 'X', 'ditolak', 'x', '', '']]),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Program ini masih draf: belum ada peserta yang dikirim ke BPJS.',
    });
  });
});

describe('two exports at once', () => {
  it('never put a worker in two batches', async () => {
    const p = await aProgram(tdb, {
      name: 'Program Kirim Bersamaan',
      ownerRegion: '15',
      seats: { [PEDUKUN]: 25 },
    });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const w = await aWorker(tdb, `Pekerja Bersamaan ${i}`, PEDUKUN);
      ids.push(
        await anEnrollment(tdb, {
          programId: p.id,
          workerId: w.id,
          villageCode: PEDUKUN,
          status: 'approved',
        }),
      );
    }
    // the regency office and the province office press "send" at the same moment
    const results = await Promise.allSettled([
      exportBatch(as(dinas), p.id),
      exportBatch(as(provinsi), p.id),
    ]);
    const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(done).toHaveLength(1);
    expect(done[0]!.rows).toBe(6);
    expect(refused).toEqual([
      expect.objectContaining({
        code: 'CONFLICT',
        message: 'Tidak ada peserta yang sudah disetujui dan belum dikirim ke BPJS di wilayah ini.',
      }),
    ]);
    const rows = await tdb.database.db
      .select()
      .from(enrollment)
      .where(eq(enrollment.programId, p.id));
    expect(rows.every((r) => r.status === 'sent' && r.batchId === done[0]!.id)).toBe(true);
    const audits = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bpjs.exportBatch'), eq(auditLog.entityId, done[0]!.id)));
    expect((audits[0]!.after as { enrollmentIds: string[] }).enrollmentIds.sort()).toEqual(
      ids.sort(),
    );
  });
});

describe('a large answer file', () => {
  it('accounts for every row across chunks, and gives all rows not applied as a file', async () => {
    const p = await aProgram(tdb, { name: 'Program Jawaban Besar', seats: { [PEDUKUN]: 25 } });
    const a = await sentSeat(p.id, 'Lina Marlina');
    const b = await sentSeat(p.id, 'Yanti Kurnia');
    const kpj = nextKpj();
    const rows: (string | null)[][] = [];
    for (let i = 1; i <= 4_500; i++)
      rows.push([
        `3509011507${String(900000 + i).slice(-6)}`,
        `Orang ${i}`,
        'ditolak',
        'x',
        '',
        '',
      ]);
    rows[2] = [a.nik, 'Lina Marlina', 'diterima', '', kpj, '2027-01-01'];
    // the same NIK again, and the same KPJ for another worker, chunks later
    rows[1_999] = [a.nik, 'Lina Marlina', 'diterima', '', kpj, '2027-01-01'];
    rows[3_999] = [b.nik, 'Yanti Kurnia', 'diterima', '', kpj, '2027-01-01'];
    const result = await answer(bpjsBungo, p.id, 'besar.csv', rows);
    expect(result.counts).toEqual({
      total: 4_500,
      accepted: 1,
      rejected: 0,
      unchanged: 0,
      unknown_nik: 4_497,
      not_in_program: 0,
      duplicate: 1,
      conflict: 1,
      invalid: 0,
    });
    expect(result.rows).toHaveLength(1_000);
    expect((await rowOf(a.enrollmentId)).status).toBe('active');
    expect((await rowOf(b.enrollmentId)).status).toBe('sent');
    const file = await readXlsx(
      await capture((out) => writeNotAppliedRows(as(bpjsBungo), result.id, out)),
    );
    expect(file).toHaveLength(1 + 4_499);
    const lineAt = file[0]!.indexOf('baris');
    expect(file.slice(1).map((r) => Number(r[lineAt]))).toEqual(
      [...Array(4_500).keys()].map((i) => i + 2).filter((line) => line !== 4),
    );
    expect(file.find((r) => Number(r[lineAt]) === 2_001)!.at(-1)).toBe(
      'NIK ini sudah ada di baris 4; baris ini tidak diterapkan.',
    );
    expect(file.find((r) => Number(r[lineAt]) === 4_001)!.at(-1)).toBe(
      'Nomor KPJ ini sudah tercatat untuk pekerja lain.',
    );
  }, 120_000);
});

describe('ids that are not UUIDs', () => {
  it('are not found (not a server error)', async () => {
    const bad = '-'.repeat(36);
    await expect(getBatch(as(dinas), bad)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getResultImport(as(dinas), bad)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
