import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { aProgram } from '../../../../test/program-factories.ts';
import { aWorker, anEnrollment } from '../../../../test/bpjs-factories.ts';
import { capture, sheetRows } from '../../../../test/capture.ts';
import { pdfPageCount, pdfText } from '../../../../test/pdf-text.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { exportAllocations } from './index.ts';

const PEDUKUN = '15.08.01.2001'; // Kecamatan Tanah Tumbuh, Kabupaten Bungo
const LUBUK_NIUR = '15.08.01.2002';
const RANTAU_DUKU = '15.08.02.2001'; // Kecamatan Rantau Pandan
/** 20 November 2026 in Jakarta. */
const NOW = () => new Date('2026-11-20T03:00:00Z');

let tdb: TestDatabase;
let dinas: UserFixture;
let dinasTebo: UserFixture;
let pedukunOp: UserFixture;
let programId = '';
const as = (u: UserFixture) => tdb.ctx(u.actor, NOW);

beforeAll(async () => {
  tdb = await createTestDatabase();
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08' });
  dinasTebo = await aUser(tdb, { role: 'regency_admin', scope: '15.09' });
  pedukunOp = await aUser(tdb, { role: 'village_operator', scope: PEDUKUN });
  const program = await aProgram(tdb, {
    seats: { [PEDUKUN]: 3, [LUBUK_NIUR]: 2, [RANTAU_DUKU]: 4 },
  });
  programId = program.id;
  // Pedukun: two seats held, one proposal sent back (it holds no seat); Rantau Duku: one proposed
  for (const [name, village, status] of [
    ['Siti Aminah', PEDUKUN, 'active'],
    ['Budi Santoso', PEDUKUN, 'sent'],
    ['Rahmat Hidayat', PEDUKUN, 'returned'],
    ['Melati Kusuma', RANTAU_DUKU, 'proposed'],
  ] as const) {
    const w = await aWorker(tdb, name, village);
    await anEnrollment(tdb, { programId, workerId: w.id, villageCode: village, status });
  }
});
afterAll(async () => tdb?.close());

describe('the seats of a program village by village, as Excel and PDF', () => {
  it('gives the regency every village with seats, filled, free and cost, a total line, and audits it', async () => {
    const rows = await sheetRows(
      await capture((out) => exportAllocations(as(dinas), programId, {}, 'xlsx', out)),
      'Kursi',
    );
    expect(rows[0]).toEqual(['Rekap kursi: Perlindungan Pekerja Rentan Kabupaten Bungo 2027']);
    expect(rows[1]).toEqual([
      'Kabupaten Bungo · APBD kabupaten/kota · Januari 2027 – Desember 2027',
    ]);
    expect(rows[2]).toEqual([
      `Wilayah: Kabupaten Bungo · dicetak 20 November 2026 oleh ${dinas.me.displayName}`,
    ]);
    // JKK 1 % of Rp1.000.000 + JKM Rp6.800 = Rp16.800 a month, 12 months: Rp201.600 a seat
    expect(rows[3]).toEqual([
      '3 desa/kelurahan · 9 kursi · 3 terisi (33,3 %) · Rp201.600 per kursi · biaya kursi Rp1.814.400',
    ]);
    expect(rows[5]).toEqual([
      'No',
      'Kode desa',
      'Desa/kelurahan',
      'Jenis',
      'Kecamatan',
      'Kabupaten/kota',
      'Kursi',
      'Terisi',
      'Sisa',
      'Terisi (%)',
      'Biaya kursi (Rp)',
    ]);
    // empty cells of the total line read as undefined
    expect(rows.slice(6)).toEqual([
      [
        1,
        PEDUKUN,
        'Pedukun',
        'desa',
        'Tanah Tumbuh',
        'Kabupaten Bungo',
        3,
        2,
        1,
        '66,7 %',
        604_800,
      ],
      [
        2,
        LUBUK_NIUR,
        'Lubuk Niur',
        'desa',
        'Tanah Tumbuh',
        'Kabupaten Bungo',
        2,
        0,
        2,
        '0 %',
        403_200,
      ],
      [
        3,
        RANTAU_DUKU,
        'Rantau Duku',
        'desa',
        'Rantau Pandan',
        'Kabupaten Bungo',
        4,
        1,
        3,
        '25 %',
        806_400,
      ],
      [
        undefined,
        undefined,
        'Jumlah',
        undefined,
        undefined,
        undefined,
        9,
        3,
        6,
        '33,3 %',
        1_814_400,
      ],
    ]);
    const audit = await tdb.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'programs.exportAllocations'), eq(auditLog.entityId, programId)),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity: 'program',
      regionCode: '15.08',
      actorId: dinas.me.id,
      after: { format: 'xlsx', region: '15.08', villages: 3 },
    });
  });

  it('narrows to a district, and gives a village operator the own village only', async () => {
    const district = await sheetRows(
      await capture((out) =>
        exportAllocations(as(dinas), programId, { region: '15.08.01' }, 'xlsx', out),
      ),
      'Kursi',
    );
    expect(district[2]![0]).toMatch(/^Wilayah: Tanah Tumbuh · /);
    expect(district.slice(6).map((r) => r[2])).toEqual(['Pedukun', 'Lubuk Niur', 'Jumlah']);
    const own = await sheetRows(
      await capture((out) => exportAllocations(as(pedukunOp), programId, {}, 'xlsx', out)),
      'Kursi',
    );
    expect(own.slice(6).map((r) => [r[2], r[6], r[7]])).toEqual([
      ['Pedukun', 3, 2],
      ['Jumlah', 3, 2],
    ]);
  });

  it('prints the recap on A4 with the total, and refuses regions outside the program or the scope', async () => {
    const pdf = await capture((out) => exportAllocations(as(dinas), programId, {}, 'pdf', out));
    const text = pdfText(pdf).join('\n');
    expect(text).toContain('Rekap kursi: Perlindungan Pekerja Rentan Kabupaten Bungo 2027');
    for (const words of ['Rantau Duku', 'Jumlah', 'Rp1.814.400', 'Halaman 1 dari 1'])
      expect(text).toContain(words);
    expect(pdfPageCount(pdf)).toBe(1);
    await expect(
      capture((out) => exportAllocations(as(dinasTebo), programId, {}, 'pdf', out)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      capture((out) =>
        exportAllocations(as(pedukunOp), programId, { region: '15.08.01' }, 'xlsx', out),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      capture((out) => exportAllocations(as(dinas), programId, { region: '15.09' }, 'xlsx', out)),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Wilayah 15.09 tidak termasuk program ini.',
    });
  });
});
