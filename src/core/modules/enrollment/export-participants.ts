import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { actorName } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { FUNDER_TYPES, type FunderType } from '../../rules/contribution-rates.ts';
import { ENROLLMENT_STATUSES, statusLabel } from '../../rules/enrollment-status.ts';
import { longDate, monthName } from '../../rules/indonesian.ts';
import { maskKpj, maskNik } from '../../rules/personal-data.ts';
import { neutraliseCell } from '../../spreadsheet.ts';
import { parseOrThrow } from '../../validation.ts';
import { loadProgram, type ProgramRow } from '../programs/load-program.ts';
import { findRegionFacts } from '../programs/programs.repository.ts';
import { enrollmentFilter } from './list-enrollments.ts';
import { ExportParticipantsQuery } from './enrollment.schema.ts';
import {
  countByStatus,
  enrollmentBatch,
  seatsIn,
  type EnrollmentCursor,
  type EnrollmentFilter,
} from './enrollment.repository.ts';

export type ParticipantsFormat = 'xlsx' | 'pdf';

/** A printed list longer than this is no longer read: the office filters, or takes the Excel. */
export const PDF_MAX_ROWS = 5_000;
const BATCH = 2_000;
/** Rows of a PDF page (A4 landscape, 8 pt): fewer on the first, under the heading. */
const ROWS_FIRST_PAGE = 30;
const ROWS_PER_PAGE = 36;

type Batch = Awaited<ReturnType<typeof enrollmentBatch>>['rows'];
type Row = Batch[number];

async function* participantRows(ctx: Ctx, filter: EnrollmentFilter) {
  let after: EnrollmentCursor | null = null;
  do {
    const batch = await enrollmentBatch(ctx.db, filter, after, BATCH);
    yield batch.rows;
    after = batch.next;
  } while (after);
}

const months = (e: Row['e']) =>
  e.firstMonth.slice(0, 7) === e.lastMonth.slice(0, 7)
    ? monthName(e.firstMonth.slice(0, 7))
    : `${monthName(e.firstMonth.slice(0, 7))} – ${monthName(e.lastMonth.slice(0, 7))}`;

/** What the header of both files says about the program and the list. */
interface Heading {
  program: ProgramRow;
  ownerName: string;
  scope: string;
  printed: string;
  total: number;
  seats: number;
  counts: Record<string, number>;
}

const period = (p: ProgramRow) =>
  `${monthName(p.firstMonth.slice(0, 7))} – ${monthName(p.lastMonth.slice(0, 7))}`;
const funder = (p: ProgramRow) => FUNDER_TYPES[p.funderType as FunderType]?.label ?? p.funderType;
const countsLine = (counts: Record<string, number>) =>
  ENROLLMENT_STATUSES.filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${statusLabel(s)} ${(counts[s] ?? 0).toLocaleString('id-ID')}`)
    .join(' · ');

const XLSX_COLUMNS: { header: string; width: number; cell: (r: Row, i: number) => unknown }[] = [
  { header: 'No', width: 7, cell: (_r, i) => i },
  { header: 'Nama', width: 30, cell: (r) => neutraliseCell(r.fullName) },
  { header: 'NIK (tersamar)', width: 20, cell: (r) => maskNik(r.nik) },
  { header: 'L/P', width: 5, cell: (r) => r.sex },
  { header: 'Kode desa', width: 15, cell: (r) => r.e.villageCode },
  { header: 'Desa/kelurahan', width: 22, cell: (r) => neutraliseCell(r.villageName) },
  { header: 'Kecamatan', width: 22, cell: (r) => neutraliseCell(r.districtName ?? '') },
  { header: 'Status', width: 24, cell: (r) => statusLabel(r.e.status) },
  { header: 'Alasan', width: 40, cell: (r) => (r.e.reason ? neutraliseCell(r.e.reason) : null) },
  { header: 'Bulan', width: 30, cell: (r) => months(r.e) },
  { header: 'KPJ (tersamar)', width: 16, cell: (r) => (r.e.kpj ? maskKpj(r.e.kpj) : null) },
  { header: 'Diusulkan oleh', width: 20, cell: (r) => neutraliseCell(r.e.proposedBy) },
];

async function writeXlsx(h: Heading, rows: AsyncIterable<Batch>, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('Peserta', { views: [{ state: 'frozen', ySplit: 6 }] });
  sheet.columns = XLSX_COLUMNS.map((c) => ({ width: c.width }));
  sheet.addRow([`Daftar peserta: ${neutraliseCell(h.program.name)}`]).font = {
    bold: true,
    size: 13,
  };
  sheet.addRow([`${neutraliseCell(h.ownerName)} · ${funder(h.program)} · ${period(h.program)}`]);
  sheet.addRow([`Wilayah: ${neutraliseCell(h.scope)} · ${h.printed}`]);
  sheet.addRow([
    `${h.total.toLocaleString('id-ID')} peserta dalam daftar · ${h.seats.toLocaleString('id-ID')} kursi · ${countsLine(h.counts)}`,
  ]);
  sheet.addRow([]);
  sheet.addRow(XLSX_COLUMNS.map((c) => c.header)).font = { bold: true };
  let i = 0;
  for await (const batch of rows)
    for (const r of batch) {
      i += 1;
      sheet.addRow(XLSX_COLUMNS.map((c) => c.cell(r, i))).commit();
    }
  sheet.commit();
  await workbook.commit();
}

/** A4 landscape, the standard PDF fonts (Indonesian needs no more than Latin-1). */
async function writePdf(h: Heading, rows: AsyncIterable<Batch>, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 36, bottom: 42, left: 36, right: 36 },
    bufferPages: true,
    info: { Title: `Daftar peserta: ${h.program.name}`, Creator: 'Jaring' },
  });
  doc.pipe(out);
  doc.font('Helvetica-Bold').fontSize(13).text(`Daftar peserta: ${h.program.name}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`${h.ownerName} · ${funder(h.program)} · ${period(h.program)}`)
    .text(`Wilayah: ${h.scope} · ${h.printed}`)
    .text(
      `${h.total.toLocaleString('id-ID')} peserta dalam daftar · ${h.seats.toLocaleString('id-ID')} kursi · ${countsLine(h.counts)}`,
    )
    .moveDown(0.6);
  const header = ['No', 'Nama', 'NIK', 'Desa/kelurahan', 'Kecamatan', 'Status', 'Bulan'];
  // a table per page, each with its header row (the first page holds the heading too)
  const table = (data: string[][]) =>
    doc.fontSize(8).table({
      columnStyles: [28, '*', 92, 100, 100, 140, 120],
      rowStyles: (row) =>
        row === 0 ? { textStroke: 0.3, backgroundColor: '#e8eef7' } : { border: 0.5 },
      data: [header, ...data],
    });
  let page: string[][] = [];
  let perPage = ROWS_FIRST_PAGE;
  let i = 0;
  for await (const batch of rows)
    for (const r of batch) {
      i += 1;
      if (i > 1 && page.length === 0) doc.addPage();
      page.push([
        String(i),
        r.fullName,
        maskNik(r.nik),
        r.villageName,
        r.districtName ?? '',
        statusLabel(r.e.status) + (r.e.reason ? `: ${r.e.reason}` : ''),
        months(r.e),
      ]);
      if (page.length === perPage) {
        table(page);
        page = [];
        perPage = ROWS_PER_PAGE;
      }
    }
  if (i === 0) page.push(['', 'Tidak ada peserta dalam saringan ini.', '', '', '', '', '']);
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
      .text(`Jaring · ${h.program.name}`, 36, y, { lineBreak: false })
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

/**
 * The program's participants as the list shows them (the actor's scope and the list's filters,
 * every page), as an Excel sheet or a printable PDF (at most PDF_MAX_ROWS rows), NIK and KPJ
 * masked: the list an office files or signs. The export is recorded in the audit trail first,
 * with its filter and row count. Returns the row count.
 */
export async function exportParticipants(
  ctx: Ctx,
  programId: string,
  raw: ExportParticipantsQuery,
  format: ParticipantsFormat,
  out: Writable,
): Promise<number> {
  requirePermission(ctx.actor, 'enrollments.read');
  const q = parseOrThrow(ExportParticipantsQuery, raw, 'Saringan tidak valid.');
  const program = await loadProgram(ctx, programId);
  const filter = enrollmentFilter(ctx, program, q);
  const counts = await countByStatus(ctx.db, filter);
  const total = filter.status
    ? (counts[filter.status] ?? 0)
    : Object.values(counts).reduce((a, b) => a + b, 0);
  if (format === 'pdf' && total > PDF_MAX_ROWS)
    throw new DomainError(
      'VALIDATION',
      `Daftar ini berisi ${total.toLocaleString('id-ID')} peserta; PDF paling banyak ${PDF_MAX_ROWS.toLocaleString('id-ID')}. Saring per kecamatan atau desa, atau unduh Excel.`,
      { total, max: PDF_MAX_ROWS },
    );
  const place = filter.village ?? filter.region ?? filter.scopes?.[0] ?? program.ownerRegion;
  const [facts, owner] = await Promise.all([
    findRegionFacts(ctx.db, [place]),
    findRegionFacts(ctx.db, [program.ownerRegion]),
  ]);
  const heading: Heading = {
    program,
    ownerName: owner[0]?.name ?? program.ownerRegion,
    scope:
      (facts[0]?.name ?? place) +
      (filter.status ? `, status ${statusLabel(filter.status)}` : '') +
      (q.q ? `, pencarian "${filter.nik ? maskNik(filter.nik) : q.q}"` : ''),
    printed: `dicetak ${longDate(jakartaDate(ctx.now()))} oleh ${actorName(ctx.actor)}`,
    total,
    seats: await seatsIn(ctx.db, filter),
    counts,
  };
  await recordAudit(ctx.db, ctx, {
    action: 'enrollments.export',
    entity: 'program',
    entityId: program.id,
    regionCode: place,
    after: {
      format,
      rows: total,
      filter: { ...q, ...(filter.nik ? { q: maskNik(filter.nik) } : {}) },
    },
  });
  const rows = participantRows(ctx, filter);
  await (format === 'xlsx' ? writeXlsx(heading, rows, out) : writePdf(heading, rows, out));
  return total;
}
