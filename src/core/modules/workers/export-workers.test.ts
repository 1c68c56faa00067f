import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { aUser, type UserFixture } from '../../../../test/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';
import { exportWorkers, type ExportWorkersQuery } from './export-workers.ts';
import { createWorker, WORKER_SORTS, type WorkerInput } from './index.ts';
import { toWorkerFilter } from './list-workers.ts';
import { WORKER_COLUMNS } from './worker-file-layout.ts';
import { writeWorkerTemplate } from './worker-template.ts';
import { listWorkerRows, workerBatch, type WorkerCursor } from './workers.repository.ts';
import { capture } from '../../../../test/capture.ts';

let tdb: TestDatabase;
let operator: UserFixture;
let dinas: UserFixture;
let auditor: UserFixture;
const HEADERS = WORKER_COLUMNS.map((c) => c.header);
const col = (header: string) => HEADERS.indexOf(header);
const byName: ExportWorkersQuery = { sort: 'name' };

const siti: WorkerInput = {
  nik: '1508014107850001',
  kk: '1508010101100001',
  fullName: 'Siti Aminah',
  birthDate: '1985-07-01',
  sex: 'P',
  villageCode: '15.08.01.2001',
  dusun: '=1+1',
  occupationCode: 9,
  welfareDecile: 2,
  decileSource: 'P3KE',
  kpj: '12345678901',
};
const formula: WorkerInput = {
  nik: '1508011203900003',
  fullName: '=HYPERLINK("x")',
  birthDate: '1990-03-12',
  sex: 'L',
  villageCode: '15.08.01.2001',
  phone: '+62 812 7400 1234',
  occupationCode: 19,
};
const neighbour: WorkerInput = {
  nik: '1508025402860004',
  fullName: 'Nur Aini',
  birthDate: '1986-02-14',
  sex: 'P',
  villageCode: '15.08.02.2001',
  occupationCode: 84,
  segment: 'kader',
};

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  (sheet.getRow(n).values as unknown[]).slice(1);

async function lastExportAudit(username: string) {
  const [entry] = await tdb.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'workers.export'), eq(auditLog.actorName, username)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return entry;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  operator = await aUser(tdb, { role: 'village_operator', scope: '15.08.01.2001' });
  const other = await aUser(tdb, { role: 'village_operator', scope: '15.08.02.2001' });
  dinas = await aUser(tdb, { role: 'regency_admin', scope: '15.08', username: 'dinas.ekspor' });
  auditor = await aUser(tdb, { role: 'auditor', scope: '15.08' });
  await createWorker(tdb.ctx(operator.actor), siti);
  await createWorker(tdb.ctx(operator.actor), formula);
  await createWorker(tdb.ctx(other.actor), neighbour);
});
afterAll(async () => tdb?.close());

describe('exporting workers', () => {
  it('writes the layout as XLSX with full identifiers, only in scope, neutralised, audited', async () => {
    const buffer = await capture((out) =>
      exportWorkers(tdb.ctx(operator.actor), byName, 'xlsx', out),
    );
    const workbook = await readXlsx(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Pekerja', 'Kode']);
    const sheet = workbook.getWorksheet('Pekerja')!;
    expect(rowValues(sheet, 1)).toEqual(HEADERS);
    expect(sheet.rowCount).toBe(3); // the header and the two workers of Pedukun, not Nur Aini
    const [first, second] = [rowValues(sheet, 2), rowValues(sheet, 3)];
    // sorted by name: "=hyperlink" before "siti"; formulas come out as text with an apostrophe
    expect(first[col('nama')]).toBe(`'=HYPERLINK("x")`);
    expect(first[col('telepon')]).toBe(`'+62 812 7400 1234`);
    expect(second).toMatchObject({
      [col('nik')]: '1508014107850001',
      [col('no_kk')]: '1508010101100001',
      [col('kpj')]: '12345678901',
      [col('tanggal_lahir')]: '1985-07-01',
      [col('dusun')]: "'=1+1",
      [col('kode_pekerjaan')]: 9,
      [col('segmen')]: 'pekerja_rentan',
      [col('desil')]: 2,
      [col('penghasilan')]: 1_000_000,
    });
    expect(sheet.getCell(2, col('nama') + 1).formula).toBeUndefined();
    const codes = workbook.getWorksheet('Kode')!;
    expect(rowValues(codes, 10).slice(0, 3)).toEqual([
      9,
      'PETANI/PEKEBUN',
      'pekerja informal (BPU)',
    ]);

    const audit = await lastExportAudit(operator.me.username);
    expect(audit).toMatchObject({
      entity: 'worker',
      regionCode: '15.08.01.2001',
      after: { filter: { sort: 'name' }, format: 'xlsx', rows: 2 },
    });
  });

  it('writes CSV with a BOM, the same layout and the list filters', async () => {
    const buffer = await capture((out) =>
      exportWorkers(tdb.ctx(dinas.actor), { ...byName, region: '15.08.02' }, 'csv', out),
    );
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(buffer.toString('utf8'), { bom: true });
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => [r[col('nik')], r[col('nama')], r[col('segmen')]])).toEqual([
      ['1508025402860004', 'Nur Aini', 'kader'],
    ]);
    expect(await lastExportAudit('dinas.ekspor')).toMatchObject({
      regionCode: '15.08.02',
      after: { format: 'csv', rows: 1, filter: { region: '15.08.02' } },
    });

    const all = parse(
      (await capture((out) => exportWorkers(tdb.ctx(dinas.actor), byName, 'csv', out))).toString(),
      { bom: true },
    );
    expect(all.slice(1).map((r) => r[col('nama')])).toEqual([
      `'=HYPERLINK("x")`,
      'Nur Aini',
      'Siti Aminah',
    ]);
    expect(all[3]![col('dusun')]).toBe("'=1+1");
  });

  it('keeps a searched NIK masked in the audit trail (auditors read it)', async () => {
    const buffer = await capture((out) =>
      exportWorkers(tdb.ctx(dinas.actor), { ...byName, q: siti.nik }, 'csv', out),
    );
    expect(buffer.toString()).toContain('1508014107850001');
    const audit = await lastExportAudit('dinas.ekspor');
    expect(audit!.after).toMatchObject({ rows: 1, filter: { q: '150801xxxxxx0001' } });
    expect(JSON.stringify(audit!.after)).not.toContain(siti.nik);
  });

  it('refuses auditors (masked identifiers only) and writes nothing', async () => {
    const out = new PassThrough();
    await expect(exportWorkers(tdb.ctx(auditor.actor), byName, 'xlsx', out)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('peran Anda hanya dapat melihat yang disamarkan'),
    });
    expect(out.read()).toBeNull();
    expect(await lastExportAudit(auditor.me.username)).toBeUndefined();
  });

  it.each(WORKER_SORTS)('pages with a keyset in the list order: %s', async (sort) => {
    const filter = toWorkerFilter(dinas.actor, {});
    const expected = (await listWorkerRows(tdb.database.db, filter, { sort, limit: 10, offset: 0 }))
      .rows;
    const seen: string[] = [];
    let after: WorkerCursor | null = null;
    do {
      const batch = await workerBatch(tdb.database.db, filter, sort, after, 1);
      seen.push(...batch.rows.map((r) => r.id));
      after = batch.next;
    } while (after && seen.length < 10);
    expect(seen).toEqual(expected.map((r) => r.id));
  });
});

describe('the import template', () => {
  it('has the layout header with notes, dropdowns, the code list and instructions', async () => {
    const workbook = await readXlsx(await capture(writeWorkerTemplate));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Pekerja', 'Kode', 'Petunjuk']);
    const sheet = workbook.getWorksheet('Pekerja')!;
    expect(rowValues(sheet, 1)).toEqual(HEADERS);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell(1, col('nik') + 1).note).toBe(WORKER_COLUMNS[col('nik')]!.note);
    expect(sheet.getCell(2, col('jenis_kelamin') + 1).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"L,P"'],
    });
    expect(sheet.getCell(500, col('kode_pekerjaan') + 1).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['Kode!$A$2:$A$90'],
    });
    expect(sheet.getCell(2, col('desil') + 1).dataValidation).toMatchObject({
      type: 'whole',
      formulae: [1, 10],
    });
    const codes = workbook.getWorksheet('Kode')!;
    expect(codes.rowCount).toBe(90);
    expect(rowValues(codes, 86).slice(0, 3)).toEqual([85, 'PERANGKAT DESA', 'perangkat desa']);
    expect(rowValues(codes, 2).slice(4)).toEqual(['pekerja_rentan', 'Pekerja rentan']);
    expect(workbook.getWorksheet('Petunjuk')!.getCell('A1').value).toMatch(/^Petunjuk/);
  });
});
