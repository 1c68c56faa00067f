import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { DomainError } from '../../errors.ts';

export interface FileRow {
  /** Line number as a spreadsheet shows it (the header is line 1). */
  line: number;
  cells: string[];
}

export interface WorkerFile {
  format: 'xlsx' | 'csv';
  headers: string[];
  rows: AsyncIterable<FileRow>;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v).trim();
}

export function formatOf(fileName: string): 'xlsx' | 'csv' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  throw new DomainError('VALIDATION', 'Berkas harus berformat Excel (.xlsx) atau CSV (.csv).', {
    fileName,
  });
}

/**
 * Streams the first sheet of an XLSX (or a CSV, separator , or ; detected from the header) row by
 * row: the file is never held in memory whole. Rows with no value at all are left out.
 */
export async function readWorkerFile(
  source: string | Readable,
  fileName: string,
): Promise<WorkerFile> {
  const format = formatOf(fileName);
  const input = typeof source === 'string' ? fs.createReadStream(source) : source;
  const iterator = (format === 'xlsx' ? xlsxRows(input) : await csvRows(input))[
    Symbol.asyncIterator
  ]();
  const first = await iterator.next().catch((e: unknown) => {
    throw new DomainError(
      'VALIDATION',
      `Berkas ${fileName} tidak dapat dibaca: ${e instanceof Error ? e.message : String(e)}`,
    );
  });
  if (first.done)
    throw new DomainError('VALIDATION', `Berkas ${fileName} kosong: tidak ada baris judul kolom.`);
  const headers = first.value.cells.map((h) => h.trim());
  const rows: AsyncIterable<FileRow> = {
    async *[Symbol.asyncIterator]() {
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
        if (r.value.cells.some((c) => c !== '')) yield r.value;
      }
    },
  };
  return { format, headers, rows };
}

async function* xlsxRows(input: Readable): AsyncIterable<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      // row.values is sparse (empty cells are holes): make every position a string
      yield {
        line: row.number,
        cells: Array.from({ length: values.length }, (_, i) => cellText(values[i])),
      };
    }
    return; // the first sheet only
  }
}

async function csvRows(input: Readable): Promise<AsyncIterable<FileRow>> {
  // the separator (, or ;) is read off the header line, then the stream goes on from its start
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await chunks.next();
  const head = first.done ? '' : (first.value.toString('utf8').split(/\r?\n/)[0] ?? '');
  const delimiter = (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ',';
  const whole = Readable.from(
    (async function* () {
      if (!first.done) yield first.value;
      for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield c.value;
    })(),
  );
  whole.on('error', (e) => parser.destroy(e));
  const parser = whole.pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, trim: true }),
  );
  return (async function* () {
    let line = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      line += 1;
      yield { line, cells: record.map((c) => c ?? '') };
    }
  })();
}
