import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { pdfPageCount, pdfText } from '../../../../test/pdf-text.ts';
import { aProgram } from '../../../../test/program-factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { createWorker } from '../workers/index.ts';
import { exportParticipants, proposeEnrollments, returnEnrollments } from './index.ts';
import { capture, sheetRows } from '../../../../test/capture.ts';

let tdb: TestDatabase;
let pedukunOp: UserFixture;
let rantauOp: UserFixture;
let dinasBungo: UserFixture;
let dinasTebo: UserFixture;
let serial = 0;

const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh, Kabupaten Bungo
const RANTAU_DUKU = '15.08.02.2001'; // Kecamatan Rantau Pandan
const LUBUK_NIUR = '15.08.01.2002';
const NOVEMBER = () => new Date('2026-11-20T03:00:00Z');
const as = (u: UserFixture) => tdb.ctx(u.actor, NOVEMBER);

async function propose(op: UserFixture, programId: string, names: string[], village: string) {
  const niks = [];
  for (const fullName of names) {
    const nik = `${village.slice(0, 8).replace(/\./g, '')}410785${String(++serial).padStart(4, '0')}`;
    await createWorker(tdb.ctx(), {
      nik,
      fullName,
      birthDate: '1985-07-01',
      sex: 'P',
      villageCode: village,
      occupationCode: 9,
    });
    niks.push(nik);
  }
  const res = await proposeEnrollments(as(op), programId, { niks, village });
  return res.results.map((r) => r.enrollmentId!);
}

let programId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  pedukunOp = await aUser(tdb, {
    role: 'village_operator',
    scope: PEDUKUN,
    username: 'op.pedukun',
  });
  rantauOp = await aUser(tdb, { role: 'village_operator', scope: RANTAU_DUKU });
  dinasBungo = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.bungo' });
  dinasTebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09' });
  const program = await aProgram(tdb, { seats: { [PEDUKUN]: 25, [RANTAU_DUKU]: 25 } });
  programId = program.id;
  const [, nur] = await propose(pedukunOp, programId, ['Siti Aminah', 'Nur Aini'], PEDUKUN);
  await propose(rantauOp, programId, ['Sri Wahyuni'], RANTAU_DUKU);
  await returnEnrollments(as(dinasBungo), {
    ids: [nur!],
    reason: 'Foto KTP tidak terbaca; unggah ulang.',
  });
});
afterAll(async () => tdb?.close());

describe('the participants list as Excel and PDF', () => {
  it('gives the village its own participants in Excel, NIK masked, with the heading, and audits it', async () => {
    const rows = await sheetRows(
      await capture((out) => exportParticipants(as(pedukunOp), programId, {}, 'xlsx', out)),
      'Peserta',
    );
    expect(rows[0]).toEqual(['Daftar peserta: Perlindungan Pekerja Rentan Kabupaten Bungo 2027']);
    expect(rows[1]).toEqual([
      'Kabupaten Bungo · APBD kabupaten/kota · Januari 2027 – Desember 2027',
    ]);
    // the printer's own name, not the user name
    expect(rows[2]).toEqual([
      `Wilayah: Pedukun · dicetak 20 November 2026 oleh ${pedukunOp.me.displayName}`,
    ]);
    expect(rows[3]).toEqual([
      '2 peserta dalam daftar · 25 kursi · diusulkan desa 1 · dikembalikan 1',
    ]);
    expect(rows[5]).toEqual([
      'No',
      'Nama',
      'NIK (tersamar)',
      'L/P',
      'Kode desa',
      'Desa/kelurahan',
      'Kecamatan',
      'Status',
      'Alasan',
      'Bulan',
      'KPJ (tersamar)',
      'Diusulkan oleh',
    ]);
    const data = rows.slice(6).map((r) => [r[0], r[1], r[2], r[5], r[6], r[7], r[8], r[9]]);
    expect(data).toEqual([
      [
        1,
        'Nur Aini',
        '150801xxxxxx0002',
        'Pedukun',
        'Tanah Tumbuh',
        'dikembalikan',
        'Foto KTP tidak terbaca; unggah ulang.',
        'Januari 2027 – Desember 2027',
      ],
      [
        2,
        'Siti Aminah',
        '150801xxxxxx0001',
        'Pedukun',
        'Tanah Tumbuh',
        'diusulkan desa',
        undefined,
        'Januari 2027 – Desember 2027',
      ],
    ]);
    const [audit] = await tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'enrollments.export'), eq(auditLog.regionCode, PEDUKUN)));
    expect(audit).toMatchObject({ entity: 'program', entityId: programId });
    expect(audit!.after).toEqual({ format: 'xlsx', rows: 2, filter: {} });
  });

  it('prints the regency its whole list as a PDF, page numbers included', async () => {
    const pdf = await capture((out) =>
      exportParticipants(as(dinasBungo), programId, { status: 'proposed' }, 'pdf', out),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Daftar peserta: Perlindungan Pekerja Rentan Kabupaten Bungo 2027');
    expect(text).toContain('2 peserta dalam daftar · 50 kursi · diusulkan desa 2 · dikembalikan 1');
    expect(text).toContain('Siti Aminah');
    expect(text).toContain('Sri Wahyuni');
    expect(text).not.toContain('Nur Aini');
    expect(text).toContain('Halaman 1 dari 1');
    expect(pdfPageCount(pdf)).toBe(1);
  });

  it('continues a long list on the next page with its header row, numbering every page', async () => {
    const program = await aProgram(tdb, {
      name: 'Perlindungan Petani Karet Bungo 2027',
      seats: { [LUBUK_NIUR]: 70 },
    });
    const names = Array.from(
      { length: 60 },
      (_, i) => `Penyadap Karet ${String(i + 1).padStart(2, '0')}`,
    );
    await propose(dinasBungo, program.id, names, LUBUK_NIUR);
    const pdf = await capture((out) =>
      exportParticipants(as(dinasBungo), program.id, { village: LUBUK_NIUR }, 'pdf', out),
    );
    // 30 rows under the heading, 36 on the next page: two full pages, no empty third
    const pages = pdfPageCount(pdf);
    expect(pages).toBe(2);
    const text = pdfText(pdf);
    for (const n of names) expect(text).toContain(n);
    expect(text.filter((line) => line === 'Kecamatan')).toHaveLength(2);
    for (let p = 1; p <= pages; p += 1) expect(text).toContain(`Halaman ${p} dari ${pages}`);
  });

  it('finds nothing for another regency, and refuses a bad filter in Indonesian', async () => {
    await expect(
      capture((out) => exportParticipants(as(dinasTebo), programId, {}, 'xlsx', out)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Program tidak ditemukan.' });
    await expect(
      capture((out) => exportParticipants(as(dinasBungo), programId, { q: 'a' }, 'pdf', out)),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Ketik minimal 2 huruf nama, atau NIK lengkap.',
    });
  });
});
