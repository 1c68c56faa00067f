import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import { FUNDER_TYPES, type FunderType } from '../../rules/contribution-rates.ts';
import { findOccupation } from '../../rules/occupations.ts';
import { neutraliseCell } from '../../spreadsheet.ts';
import { BPJS_COLUMNS, BPJS_LAYOUT_VERSION, type BatchRow } from './bpjs-layout.ts';
import { batchFilePage, type BatchFileRow, type BatchRecord } from './bpjs.repository.ts';
import type { ExchangeFormat } from './bpjs.schema.ts';

const PAGE = 2_000;
type Cell = string | number | null;

function toBatchRow(r: BatchFileRow): BatchRow {
  return {
    ...r,
    village: r.village ?? '',
    district: r.district ?? '',
    regency: r.regency ?? '',
    occupation: findOccupation(r.occupationCode)?.name ?? '',
  };
}

/** One worker in the layout's column order: text neutralised, numbers kept, answers empty. */
function toCells(row: BatchRow): Cell[] {
  return BPJS_COLUMNS.map(({ key }) => {
    if (!(key in row)) return null;
    const v = row[key as keyof BatchRow];
    if (v === null || v === undefined || v === '') return null;
    return typeof v === 'number' ? v : neutraliseCell(String(v));
  });
}

async function* batchRows(db: Db, batchId: string): AsyncIterable<BatchRow[]> {
  let after: { villageCode: string; nameKey: string; id: string } | null = null;
  for (;;) {
    const page = await batchFilePage(db, batchId, after, PAGE);
    if (page.length === 0) return;
    yield page.map(toBatchRow);
    const last = page[page.length - 1]!;
    after = { villageCode: last.villageCode, nameKey: last.nameKey, id: last.enrollmentId };
    if (page.length < PAGE) return;
  }
}

interface BatchFacts {
  batch: BatchRecord;
  programName: string;
  funderType: string;
}

/** The second sheet: what the file is, and what each column holds (for the branch). */
function addNotesSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, facts: BatchFacts) {
  const sheet = workbook.addWorksheet('Keterangan');
  sheet.columns = [{ width: 24 }, { width: 70 }];
  const funder = FUNDER_TYPES[facts.funderType as FunderType]?.label ?? facts.funderType;
  const lines: [string, string][] = [
    ['Tata letak', `Pertukaran data Jaring–BPJS Ketenagakerjaan, versi ${BPJS_LAYOUT_VERSION}`],
    ['Nomor kiriman', facts.batch.id],
    ['Program', facts.programName],
    ['Sumber dana', funder],
    ['Wilayah', facts.batch.regionCode],
    ['Jumlah peserta', String(facts.batch.rows)],
    ['Dibuat', facts.batch.createdAt.toISOString()],
    ['', ''],
    [
      'Cara menjawab',
      'Isi kolom hasil (diterima/ditolak), alasan (bila ditolak), kpj (11 digit) dan tanggal_efektif (TTTT-BB-HH) pada lembar pertama, lalu kirim berkas ini kembali. Jangan ubah kolom nik dan id_kepesertaan.',
    ],
    ['', ''],
    ['Kolom', 'Isi'],
  ];
  for (const [a, b] of lines) sheet.addRow([a, neutraliseCell(b)]).commit();
  for (const c of BPJS_COLUMNS) sheet.addRow([c.header, c.note]).commit();
  sheet.commit();
}

async function writeXlsx(db: Db, facts: BatchFacts, out: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('Peserta', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = BPJS_COLUMNS.map((c) => ({
    header: c.header,
    width: Math.max(c.header.length + 4, c.key === 'name' || c.key === 'programName' ? 28 : 12),
  }));
  sheet.getRow(1).font = { bold: true };
  let n = 0;
  for await (const page of batchRows(db, facts.batch.id)) {
    for (const row of page) {
      sheet.addRow(toCells(row)).commit();
      n += 1;
    }
  }
  sheet.commit();
  addNotesSheet(workbook, facts);
  await workbook.commit();
  return n;
}

async function writeCsv(db: Db, batchId: string, out: Writable): Promise<number> {
  // The BOM makes Excel read the file as UTF-8 (names with accents).
  const csv = stringify({ bom: true, delimiter: ',' });
  const piped = pipeline(csv, out);
  csv.write(BPJS_COLUMNS.map((c) => c.header));
  let n = 0;
  for await (const page of batchRows(db, batchId)) {
    for (const row of page) {
      n += 1;
      if (!csv.write(toCells(row).map((v) => (v === null ? '' : String(v)))))
        await once(csv, 'drain');
    }
  }
  csv.end();
  await piped;
  return n;
}

/** Streams a batch in the exchange layout; the number of rows written. */
export function writeBatchFile(
  db: Db,
  facts: BatchFacts,
  format: ExchangeFormat,
  out: Writable,
): Promise<number> {
  return format === 'xlsx' ? writeXlsx(db, facts, out) : writeCsv(db, facts.batch.id, out);
}
