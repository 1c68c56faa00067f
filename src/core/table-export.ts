import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { jakartaDate, type Ctx } from './context.ts';
import { longDate } from './rules/indonesian.ts';
import { neutraliseCell } from './spreadsheet.ts';

/**
 * A list an office files or signs, as an Excel sheet or a printable PDF (A4 landscape): a title,
 * a few heading lines, a table streamed batch by batch, and on every PDF page the table's header
 * and "Halaman x dari y". Used by the participants list, the seats per village and the list of
 * protection ending soon.
 */
export interface TableHeading {
  /** "Daftar peserta: Jaminan Sosial Pekerja Rentan Bungo 2027" */
  title: string;
  /** Lines under the title: owner and period, area and who printed it, counts. */
  lines: string[];
  /** Left of the PDF footer, beside the page number. */
  footer: string;
}

export interface XlsxColumn<R> {
  header: string;
  /** In characters. */
  width: number;
  /** Text is written neutralised (no formula runs when the file is opened). */
  cell: (row: R, n: number) => string | number | null;
}

export interface PdfColumn<R> {
  header: string;
  /** In points, or '*' for the column that takes the rest of the width. */
  width: number | '*';
  cell: (row: R, n: number) => string;
}

/** "dicetak 20 November 2026 oleh Eka Puspita": the day in Jakarta and the user's own name. */
export function printedBy(ctx: Pick<Ctx, 'actor' | 'now'>): string {
  const who = ctx.actor.kind === 'user' ? ctx.actor.displayName : ctx.actor.name;
  return `dicetak ${longDate(jakartaDate(ctx.now()))} oleh ${who}`;
}

/** Rows of a PDF page (A4 landscape, 8 pt): fewer on the first, under the heading. */
export const PDF_ROWS_FIRST_PAGE = 30;
export const PDF_ROWS_PER_PAGE = 36;

/** The rows of every batch, numbered from 1. */
async function* numbered<R>(batches: AsyncIterable<R[]>): AsyncGenerator<[R, number]> {
  let n = 0;
  for await (const batch of batches)
    for (const row of batch) {
      n += 1;
      yield [row, n];
    }
}

export async function writeXlsxTable<R>(
  out: Writable,
  sheetName: string,
  heading: TableHeading,
  columns: XlsxColumn<R>[],
  batches: AsyncIterable<R[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const top = heading.lines.length + 2;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: top }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.addRow([neutraliseCell(heading.title)]).font = { bold: true, size: 13 };
  for (const line of heading.lines) sheet.addRow([neutraliseCell(line)]);
  sheet.addRow([]);
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for await (const [row, n] of numbered(batches))
    sheet
      .addRow(
        columns.map((c) => {
          const v = c.cell(row, n);
          return typeof v === 'string' ? neutraliseCell(v) : v;
        }),
      )
      .commit();
  sheet.commit();
  await workbook.commit();
}

/** A4 landscape, the standard PDF fonts (Indonesian needs no more than Latin-1). */
export async function writePdfTable<R>(
  out: Writable,
  heading: TableHeading,
  columns: PdfColumn<R>[],
  batches: AsyncIterable<R[]>,
  empty: string,
): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 36, bottom: 42, left: 36, right: 36 },
    bufferPages: true,
    info: { Title: heading.title, Creator: 'Jaring' },
  });
  doc.pipe(out);
  doc.font('Helvetica-Bold').fontSize(13).text(heading.title);
  doc.font('Helvetica').fontSize(9);
  for (const line of heading.lines) doc.text(line);
  doc.moveDown(0.6);
  const header = columns.map((c) => c.header);
  // a table per page, each with its header row (the first page holds the heading too)
  const table = (data: string[][]) =>
    doc.fontSize(8).table({
      columnStyles: columns.map((c) => c.width),
      rowStyles: (row) =>
        row === 0 ? { textStroke: 0.3, backgroundColor: '#e8eef7' } : { border: 0.5 },
      data: [header, ...data],
    });
  let page: string[][] = [];
  let perPage = PDF_ROWS_FIRST_PAGE;
  let count = 0;
  for await (const [row, n] of numbered(batches)) {
    count = n;
    if (n > 1 && page.length === 0) doc.addPage();
    page.push(columns.map((c) => c.cell(row, n)));
    if (page.length === perPage) {
      table(page);
      page = [];
      perPage = PDF_ROWS_PER_PAGE;
    }
  }
  if (count === 0) page.push(columns.map((_c, i) => (i === 1 ? empty : '')));
  if (page.length > 0) table(page);
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p += 1) {
    doc.switchToPage(p);
    // the footer sits in the bottom margin: without this pdfkit would open a new page for it
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 30;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(heading.footer, 36, y, { lineBreak: false })
      .text(`Halaman ${p + 1} dari ${range.count}`, doc.page.width - 136, y, {
        width: 100,
        align: 'right',
        lineBreak: false,
      });
  }
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  doc.end();
  await finished;
}
