import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { bpjsResultRow, enrollment } from '../../db/schema/programs.ts';
import { worker } from '../../db/schema/workers.ts';
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
import { BPJS_COLUMNS } from './bpjs-layout.ts';
import {
  downloadBatch,
  exportBatch,
  getBatch,
  getBpjsExchange,
  getResultImport,
  importResults,
  writeBatch,
  writeNotAppliedRows,
} from './index.ts';

const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh, Kabupaten Bungo
const LUBUK_NIUR = '15.08.01.2002';
const MUARA_TEBO = '15.09.01.1001'; // Kabupaten Tebo

let tdb: TestDatabase;
let dinas: UserFixture;
let dinasTebo: UserFixture;
let bpjsBungo: UserFixture;
let bpjsBungo2: UserFixture;
let bpjsTebo: UserFixture;
let pedukunOp: UserFixture;
let programId = '';
let provinceId = '';
const w: Record<string, { id: string; nik: string }> = {};
const e: Record<string, string> = {};
const as = (u: UserFixture) => tdb.ctx(u.actor);
const dir = tempDir();

const statusOf = async (id: string) =>
  (await tdb.database.db.select().from(enrollment).where(eq(enrollment.id, id)))[0]!;

beforeAll(async () => {
  tdb = await createTestDatabase();
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08' });
  dinasTebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09' });
  bpjsBungo = await aUser(tdb, { role: 'bpjs_officer', scope: ['15.08'] });
  bpjsBungo2 = await aUser(tdb, { role: 'bpjs_officer', scope: ['15.08'] });
  bpjsTebo = await aUser(tdb, { role: 'bpjs_officer', scope: ['15.09'] });
  pedukunOp = await aUser(tdb, { role: 'village_operator', scope: PEDUKUN });
  programId = (await aProgram(tdb, { seats: { [PEDUKUN]: 25, [LUBUK_NIUR]: 25 } })).id;
  const people: [string, string, string, Partial<Parameters<typeof aWorker>[3]>][] = [
    ['siti', 'Siti Aminah', PEDUKUN, { dusun: 'Dusun Baru', rt: '002', rw: '001' }],
    ['budi', 'Budi Santoso', PEDUKUN, { sex: 'L', kpj: '12345678901' }],
    ['rahmat', 'Rahmat Hidayat', LUBUK_NIUR, { sex: 'L', address: '=HYPERLINK("http://x")' }],
    ['nur', 'Nur Aini', PEDUKUN, {}],
    ['dewi', 'Dewi Lestari', PEDUKUN, {}],
    ['tebo', 'Yusuf Maulana', MUARA_TEBO, { sex: 'L' }],
    ['lain', 'Ahmad Fauzi', PEDUKUN, { sex: 'L' }],
  ];
  for (const [key, name, village, more] of people) w[key] = await aWorker(tdb, name, village, more);
  for (const key of ['siti', 'budi', 'rahmat', 'dewi'])
    e[key] = await anEnrollment(tdb, {
      programId,
      workerId: w[key]!.id,
      villageCode: key === 'rahmat' ? LUBUK_NIUR : PEDUKUN,
      status: 'approved',
    });
  e.nur = await anEnrollment(tdb, {
    programId,
    workerId: w.nur!.id,
    villageCode: PEDUKUN,
    status: 'proposed',
  });
  provinceId = (
    await aProgram(tdb, {
      name: 'BKBK Jambi 2028',
      ownerRegion: '15',
      funderType: 'bkbk',
      firstMonth: '2028-01-01',
      lastMonth: '2028-12-01',
      fiscalYear: 2028,
    })
  ).id;
  e.provBungo = await anEnrollment(tdb, {
    programId: provinceId,
    workerId: w.lain!.id,
    villageCode: PEDUKUN,
    status: 'approved',
    firstMonth: '2028-01-01',
    lastMonth: '2028-12-01',
  });
  e.provTebo = await anEnrollment(tdb, {
    programId: provinceId,
    workerId: w.tebo!.id,
    villageCode: MUARA_TEBO,
    status: 'approved',
    firstMonth: '2028-01-01',
    lastMonth: '2028-12-01',
  });
});
afterAll(async () => tdb?.close());

let batchId = '';
let batchFile = '';

describe('the exchange layout', () => {
  it('is documented column by column in docs/bpjs-exchange-layout.md', () => {
    const doc = fs
      .readFileSync(
        path.resolve(import.meta.dirname, '../../../../docs/bpjs-exchange-layout.md'),
        'utf8',
      )
      .replace(/ +/g, ' ');
    BPJS_COLUMNS.forEach((c, i) =>
      expect(doc).toContain(`| ${i + 1} | \`${c.header}\` | ${c.note} |`),
    );
  });
});

describe('exportBatch: the approved list goes to BPJS', () => {
  it('refuses roles that do not send, and offices of another regency', async () => {
    await expect(exportBatch(as(pedukunOp), programId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(exportBatch(as(bpjsBungo), programId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(exportBatch(as(dinasTebo), programId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(exportBatch(as(dinas), programId, { region: '15.09' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await statusOf(e.siti!)).status).toBe('approved');
  });

  it('puts the approved enrollments of the region in a batch, sent, audited once with the ids', async () => {
    const batch = await exportBatch(as(dinas), programId);
    batchId = batch.id;
    expect(batch).toMatchObject({
      regionCode: '15.08',
      rows: 4,
      layoutVersion: 1,
      statuses: { sent: 4 },
      createdBy: dinas.me.displayName,
    });
    for (const key of ['siti', 'budi', 'rahmat', 'dewi']) {
      const row = await statusOf(e[key]!);
      expect(row).toMatchObject({ status: 'sent', batchId });
    }
    expect((await statusOf(e.nur!)).status).toBe('proposed');
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bpjs.exportBatch'), eq(auditLog.entityId, batchId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity: 'bpjs_batch',
      regionCode: '15.08',
      actorId: dinas.me.id,
    });
    expect((audit[0]!.after as { enrollmentIds: string[] }).enrollmentIds.sort()).toEqual(
      [e.siti, e.budi, e.rahmat, e.dewi].sort(),
    );
  });

  it('has nothing to send a second time', async () => {
    await expect(exportBatch(as(dinas), programId)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Tidak ada peserta yang sudah disetujui dan belum dikirim ke BPJS di wilayah ini.',
    });
  });

  it('writes the file in the documented layout, with names of places and no formulas', async () => {
    const data = await capture((out) => writeBatch(as(dinas), batchId, 'xlsx', out));
    batchFile = path.join(dir, 'kiriman.xlsx');
    fs.writeFileSync(batchFile, data);
    const rows = await readXlsx(data);
    expect(rows[0]).toEqual(BPJS_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(5);
    const col = (h: string) => rows[0]!.indexOf(h);
    const siti = rows.find((r) => r[col('nik')] === w.siti!.nik)!;
    expect(siti[col('id_kepesertaan')]).toBe(e.siti);
    expect(siti[col('nama')]).toBe('Siti Aminah');
    expect(siti[col('tanggal_lahir')]).toBe('1985-07-01');
    expect(siti[col('jenis_kelamin')]).toBe('P');
    expect(siti[col('desa')]).toBe('Pedukun');
    expect(siti[col('kecamatan')]).toBe('Tanah Tumbuh');
    expect(siti[col('kabupaten')]).toMatch(/Bungo/i);
    expect([siti[col('dusun')], siti[col('rt')], siti[col('rw')]]).toEqual([
      'Dusun Baru',
      '002',
      '001',
    ]);
    expect(siti[col('kode_pekerjaan')]).toBe('9');
    expect(siti[col('pekerjaan')]).toBe('PETANI/PEKEBUN');
    expect(siti[col('penghasilan')]).toBe('1000000');
    expect(siti[col('program_bpjs')]).toBe('JKK+JKM');
    expect([siti[col('bulan_awal')], siti[col('bulan_akhir')]]).toEqual(['2027-01', '2027-12']);
    expect(siti[col('sumber_dana')]).toBe('apbd_kabkota');
    expect(siti[col('referensi_anggaran')]).toBe('DPA 1.02.0.00.0.00.01.0000');
    expect(siti[col('id_program')]).toBe(programId);
    expect(siti[col('hasil')]).toBe('');
    const rahmat = rows.find((r) => r[col('nik')] === w.rahmat!.nik)!;
    expect(rahmat[col('desa')]).toBe('Lubuk Niur');
    expect(rahmat[col('alamat')]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('downloads the same batch again as CSV without changing anything, and records the download', async () => {
    const before = await tdb.database.db
      .select()
      .from(enrollment)
      .where(eq(enrollment.batchId, batchId));
    const csv = (await capture((out) => downloadBatch(as(dinas), batchId, 'csv', out))).toString(
      'utf8',
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(BPJS_COLUMNS.map((c) => c.header).join(','));
    expect(lines).toHaveLength(5);
    expect(csv).toContain(w.budi!.nik);
    const after = await tdb.database.db
      .select()
      .from(enrollment)
      .where(eq(enrollment.batchId, batchId));
    expect(after).toEqual(before);
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bpjs.downloadBatch'), eq(auditLog.entityId, batchId)));
    expect(audit).toHaveLength(1);
    // another regency's office does not see the batch
    await expect(
      capture((out) => downloadBatch(as(dinasTebo), batchId, 'csv', out)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends only the own regency of a province program', async () => {
    const batch = await exportBatch(as(dinas), provinceId);
    expect(batch).toMatchObject({ regionCode: '15.08', rows: 1 });
    expect((await statusOf(e.provBungo!)).status).toBe('sent');
    expect((await statusOf(e.provTebo!)).status).toBe('approved');
    await expect(exportBatch(as(dinas), provinceId, { region: '15.08.01' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});

let importId = '';
const ANSWER_HEADERS = BPJS_COLUMNS.map((c) => c.header);

describe('importResults: the branch answers', () => {
  /** The batch file with the answer columns filled, plus rows the branch got wrong. */
  async function answerFile(name: string, fill: Record<string, string[]>, extra: string[][] = []) {
    const rows = (await readXlsx(batchFile)).slice(1);
    const col = (h: string) => ANSWER_HEADERS.indexOf(h);
    const answered = rows.map((r) => {
      const a = fill[r[col('nik')]!];
      if (!a) return r;
      const copy = [...r];
      ['hasil', 'alasan', 'kpj', 'tanggal_efektif'].forEach((h, i) => (copy[col(h)] = a[i]!));
      return copy;
    });
    const more = extra.map((x) => {
      const r = Array<string>(ANSWER_HEADERS.length).fill('');
      ['nik', 'nama', 'hasil', 'alasan', 'kpj', 'tanggal_efektif'].forEach(
        (h, k) => (r[col(h)] = x[k]!),
      );
      return r;
    });
    return writeAnswer(path.join(dir, name), ANSWER_HEADERS, [...answered, ...more]);
  }

  let first = '';

  it('applies each row and accounts for every one, with the reason when not applied', async () => {
    first = await answerFile(
      'jawaban.xlsx',
      {
        [w.siti!.nik]: ['diterima', '', '23011234567', '2027-01-01'],
        [w.budi!.nik]: ['Diterima', '', '23019876543', '2027-01-15'],
        [w.rahmat!.nik]: ['ditolak', 'NIK tidak padan dengan data Dukcapil', '', ''],
        [w.dewi!.nik]: ['diterima', '', '2301123456', '2027-01-01'],
      },
      [
        ['3509011507900001', 'Orang Asing', 'diterima', '', '23010000001', '2027-01-01'],
        [w.nur!.nik, 'Nur Aini', 'diterima', '', '23010000002', '2027-01-01'],
        [w.tebo!.nik, 'Yusuf Maulana', 'diterima', '', '23010000003', '2027-01-01'],
        [w.siti!.nik, 'Siti Aminah', 'diterima', '', '23011234567', '2027-01-01'],
        ['15080112345', 'Salah Ketik', 'diterima', '', '23010000004', '2027-01-01'],
        [w.lain!.nik, 'Ahmad Fauzi', 'mungkin', '', '', ''],
        ['=1+2', '=cmd|calc', 'ditolak', '', '', ''],
      ],
    );
    const result = await importResults(as(bpjsBungo), programId, {
      path: first,
      fileName: 'jawaban.xlsx',
    });
    importId = result.id;
    expect(result.counts).toEqual({
      total: 11,
      accepted: 2,
      rejected: 1,
      unchanged: 0,
      unknown_nik: 2,
      not_in_program: 1,
      duplicate: 1,
      conflict: 0,
      invalid: 4,
    });
    const reason = (nik: string) =>
      result.rows.find((r) => r.nik?.endsWith(nik.slice(-4)) && r.nik.startsWith(nik.slice(0, 6)));
    expect(reason(w.dewi!.nik)).toMatchObject({
      outcome: 'invalid',
      message: 'Nomor KPJ harus 11 digit angka.',
      name: 'Dewi Lestari',
    });
    expect(reason('3509011507900001')).toMatchObject({
      outcome: 'unknown_nik',
      message: 'NIK tidak terdaftar di Jaring untuk wilayah Anda.',
    });
    expect(reason(w.nur!.nik)).toMatchObject({
      outcome: 'not_in_program',
      message: 'Peserta ini belum dikirim ke BPJS (status: diusulkan desa).',
    });
    // a worker of another regency is not revealed to Bungo's branch: as unknown as a stranger
    expect(reason(w.tebo!.nik)).toMatchObject({
      outcome: 'unknown_nik',
      message: 'NIK tidak terdaftar di Jaring untuk wilayah Anda.',
    });
    expect(result.rows.find((r) => r.outcome === 'duplicate')!.message).toMatch(
      /^NIK ini sudah ada di baris \d+; baris ini tidak diterapkan\.$/,
    );
    expect(result.rows.map((r) => r.message)).toEqual(
      expect.arrayContaining([
        'NIK harus 16 digit angka.',
        'Kolom hasil harus "diterima" atau "ditolak".',
      ]),
    );

    expect(await statusOf(e.siti!)).toMatchObject({
      status: 'active',
      kpj: '23011234567',
      effectiveDate: '2027-01-01',
    });
    expect(await statusOf(e.budi!)).toMatchObject({
      status: 'active',
      kpj: '23019876543',
      effectiveDate: '2027-01-15',
    });
    expect(await statusOf(e.rahmat!)).toMatchObject({
      status: 'rejected',
      reason: 'NIK tidak padan dengan data Dukcapil',
    });
    expect((await statusOf(e.dewi!)).status).toBe('sent');
    // the KPJ goes on the worker who had none; Budi keeps his own, and nothing else changes
    const people = await tdb.database.db
      .select()
      .from(worker)
      .where(inArray(worker.id, [w.siti!.id, w.budi!.id]));
    expect(people.find((p) => p.id === w.siti!.id)).toMatchObject({
      kpj: '23011234567',
      fullName: 'Siti Aminah',
      nik: w.siti!.nik,
    });
    expect(people.find((p) => p.id === w.budi!.id)!.kpj).toBe('12345678901');
    const stored = await tdb.database.db
      .select()
      .from(bpjsResultRow)
      .where(eq(bpjsResultRow.importId, importId));
    expect(stored.filter((r) => r.outcome !== 'header')).toHaveLength(11);
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, importId));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'bpjs.importResults',
      entity: 'bpjs_result_import',
      regionCode: '15.08',
    });
    expect(audit[0]!.after).toMatchObject({
      acceptedEnrollmentIds: expect.arrayContaining([e.siti, e.budi]),
      rejectedEnrollmentIds: [e.rahmat],
      workersGivenKpj: [w.siti!.id],
    });
    // the KPJ given to Siti is in her own history, masked; Budi already had his
    const given = await tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'workers.kpjFromBpjs'));
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({
      entity: 'worker',
      entityId: w.siti!.id,
      regionCode: PEDUKUN,
      actorId: bpjsBungo.me.id,
      before: { kpj: null },
      after: { kpj: 'xxxxxxx4567', resultImportId: importId },
    });
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await tdb.database.db
      .select()
      .from(enrollment)
      .where(eq(enrollment.batchId, batchId));
    const again = await importResults(as(bpjsBungo), programId, {
      path: first,
      fileName: 'jawaban.xlsx',
    });
    expect(again.counts).toMatchObject({
      total: 11,
      accepted: 0,
      rejected: 0,
      unchanged: 3,
      invalid: 4,
      duplicate: 1,
    });
    const after = await tdb.database.db
      .select()
      .from(enrollment)
      .where(eq(enrollment.batchId, batchId));
    expect(after).toEqual(before);
  });

  it('reports answers that contradict what is recorded', async () => {
    const file = await writeAnswer(
      path.join(dir, 'jawaban-2.csv'),
      ['NIK', 'Nama Peserta', 'Hasil Pendaftaran', 'Keterangan', 'No. KPJ', 'Tanggal Efektif'],
      [
        [w.siti!.nik, 'Siti Aminah', 'diterima', '', '23017777777', '01-02-2027'],
        [w.rahmat!.nik, 'Rahmat Hidayat', 'diterima', '', '23018888888', '01/02/2027'],
        [w.dewi!.nik, 'Dewi Lestari', 'diterima', '', '23011234567', '2027-02-01'],
        [w.budi!.nik, 'Budi Santoso', 'ditolak', 'Data ganda', '', ''],
      ],
      ';',
    );
    const result = await importResults(as(dinas), programId, {
      path: file,
      fileName: 'jawaban-2.csv',
    });
    expect(result.counts).toMatchObject({ total: 4, conflict: 4 });
    expect(result.rows.map((r) => r.message)).toEqual([
      'Peserta ini sudah aktif dengan KPJ lain (xxxxxxx4567).',
      'Peserta ini sudah ditolak BPJS sebelumnya: NIK tidak padan dengan data Dukcapil.',
      'Nomor KPJ ini sudah tercatat untuk pekerja lain.',
      'Peserta ini sudah aktif; penolakan tidak diterapkan.',
    ]);
    expect((await statusOf(e.dewi!)).status).toBe('sent');
  });

  it('refuses an effective date after the period, and a file without the result column', async () => {
    const late = await writeAnswer(
      path.join(dir, 'telat.csv'),
      ['nik', 'hasil', 'kpj', 'tanggal_efektif'],
      [[w.dewi!.nik, 'diterima', '23015555555', '2028-01-01']],
    );
    const result = await importResults(as(bpjsBungo), programId, {
      path: late,
      fileName: 'telat.csv',
    });
    expect(result.rows[0]).toMatchObject({
      outcome: 'invalid',
      message: 'Tanggal efektif 1 Januari 2028 sesudah akhir masa kepesertaan (31 Desember 2027).',
    });
    const noResult = await writeAnswer(
      path.join(dir, 'tanpa-hasil.csv'),
      ['nik', 'kpj'],
      [[w.dewi!.nik, '23015555555']],
    );
    await expect(
      importResults(as(bpjsBungo), programId, { path: noResult, fileName: 'tanpa-hasil.csv' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('"nik" dan "hasil"'),
    });
  });

  it('is for the branch of the regency and the regency office only', async () => {
    await expect(
      importResults(as(pedukunOp), programId, { path: first, fileName: 'jawaban.xlsx' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      importResults(as(bpjsTebo), programId, { path: first, fileName: 'jawaban.xlsx' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows the result to colleagues of the region, and gives the rows not applied as a file', async () => {
    const seen = await getResultImport(as(bpjsBungo2), importId);
    expect(seen.counts.total).toBe(11);
    expect(seen.createdBy).toBe(bpjsBungo.me.displayName);
    await expect(getResultImport(as(bpjsTebo), importId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const rows = await readXlsx(
      await capture((out) => writeNotAppliedRows(as(bpjsBungo), importId, out)),
    );
    expect(rows[0]!.slice(-3)).toEqual(['baris', 'hasil_impor', 'alasan_tidak_diterapkan']);
    expect(rows).toHaveLength(1 + 8);
    const injected = rows.find((r) => r.includes("'=cmd|calc"))!;
    expect(injected).toContain("'=1+2");
    expect(injected.at(-1)).toBe('NIK harus 16 digit angka.');
    expect(rows.find((r) => r.includes(w.dewi!.nik))!.slice(-2)).toEqual([
      'isian tidak valid',
      'Nomor KPJ harus 11 digit angka.',
    ]);
  });

  it('shows the exchange screen: statuses, batches, answers; and a batch with its workers', async () => {
    const screen = await getBpjsExchange(as(dinas), programId);
    expect(screen.statuses).toMatchObject({ active: 2, rejected: 1, sent: 1, proposed: 1 });
    expect(screen.ready).toBe(0);
    expect(screen.batches.map((b) => [b.id, b.createdBy])).toEqual([
      [batchId, dinas.me.displayName],
    ]);
    expect(screen.imports).toHaveLength(4);
    expect(new Set(screen.imports.map((i) => i.createdBy))).toEqual(
      new Set([bpjsBungo.me.displayName, dinas.me.displayName]),
    );
    const batch = await getBatch(as(bpjsBungo), batchId);
    const rahmat = batch.members.find((m) => m.workerId === w.rahmat!.id)!;
    expect(rahmat).toMatchObject({
      status: 'rejected',
      reason: 'NIK tidak padan dengan data Dukcapil',
      villageName: 'Lubuk Niur',
    });
    const siti = batch.members.find((m) => m.workerId === w.siti!.id)!;
    expect(siti).toMatchObject({
      status: 'active',
      kpj: 'xxxxxxx4567',
      effectiveDate: '2027-01-01',
    });
    expect(siti.nik).toMatch(/^\d{6}x{6}\d{4}$/);
  });
});
