import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { DomainError } from '../../errors.ts';
import { displayNames } from '../accounts/accounts.repository.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { neutraliseCell } from '../../spreadsheet.ts';
import { loadProgram } from '../programs/load-program.ts';
import { ANSWER_ALIASES, BPJS_COLUMNS, headerKey } from './bpjs-layout.ts';
import {
  findResultImport,
  resultRows,
  widestRow,
  type ResultImportRecord,
} from './bpjs.repository.ts';
import {
  APPLIED,
  HEADER_LINE_OUTCOME,
  RESULT_OUTCOMES,
  type ResultCounts,
  type ResultImport,
  type ResultImportSummary,
  type ResultOutcome,
} from './bpjs.schema.ts';

const NOT_APPLIED = RESULT_OUTCOMES.filter((o) => !APPLIED.has(o));
const MAX_ROWS = 1_000;
const PAGE = 2_000;

/** Words for the outcome column of the file of rows not applied. */
export const OUTCOME_LABEL: Record<ResultOutcome, string> = {
  accepted: 'diterima',
  rejected: 'ditolak',
  unchanged: 'tidak berubah',
  unknown_nik: 'NIK tidak dikenal',
  not_in_program: 'tidak ada di program / belum dikirim',
  duplicate: 'baris ganda',
  conflict: 'bertentangan dengan data',
  invalid: 'isian tidak valid',
};

/**
 * An answer import is seen by its author and by users whose scope covers the author's (as worker
 * imports are): its rows carry the NIKs of the author's region.
 */
export function resultImportVisible(
  ctx: Ctx,
  row: { record: ResultImportRecord; authorScope: string[] | null },
): boolean {
  const actor = ctx.actor;
  if (actor.kind === 'system' || (actor.role === 'admin' && actor.scope.length === 0)) return true;
  if (row.record.createdById === actor.id) return true;
  const scope = row.authorScope ?? [];
  return scope.length > 0 && scope.every((c) => isWithinScope(actor, c));
}

export function toImportSummary(
  r: ResultImportRecord,
  people: Map<string, string>,
): ResultImportSummary {
  const counts = Object.fromEntries(
    ['total', ...RESULT_OUTCOMES].map((k) => [k, r.counts[k] ?? 0]),
  ) as ResultCounts;
  return {
    id: r.id,
    programId: r.programId,
    fileName: r.fileName,
    counts,
    createdBy: (r.createdById && people.get(r.createdById)) || r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

async function loadResultImport(ctx: Ctx, id: string): Promise<ResultImportRecord> {
  requirePermission(ctx.actor, 'bpjs.read');
  const row = await findResultImport(ctx.db, id);
  if (!row || !resultImportVisible(ctx, row))
    throw new DomainError('NOT_FOUND', 'Hasil impor jawaban BPJS tidak ditemukan.', { id });
  await loadProgram(ctx, row.record.programId);
  return row.record;
}

/** The counts of an answer import and its rows not applied (the first 1,000), NIK masked. */
export async function getResultImport(ctx: Ctx, id: string): Promise<ResultImport> {
  const record = await loadResultImport(ctx, id);
  const rows = await resultRows(ctx.db, record.id, NOT_APPLIED, MAX_ROWS);
  const headers = await fileHeaders(ctx, record.id);
  const nameAt = headers.findIndex((h) => ANSWER_ALIASES[headerKey(h)] === 'name');
  return {
    ...toImportSummary(record, await displayNames(ctx.db, [record.createdById])),
    rows: rows.map((r) => ({
      line: r.line,
      outcome: r.outcome as ResultOutcome,
      nik: r.nik ? (/^\d{16}$/.test(r.nik) ? maskNik(r.nik) : r.nik) : null,
      name: (nameAt >= 0 ? r.cells[nameAt]?.trim() : '') || null,
      message: r.message,
    })),
  };
}

/** The answer file's header row, stored as line 0 beside its rows. */
async function fileHeaders(ctx: Ctx, importId: string): Promise<string[]> {
  const [row] = await resultRows(ctx.db, importId, [HEADER_LINE_OUTCOME], 1);
  return row?.cells ?? BPJS_COLUMNS.map((c) => c.header);
}

/**
 * The rows not applied, as an XLSX: the row's cells as they came, then its line, the outcome and
 * the reason, so the branch or the office can fix them and send them again.
 */
export async function writeNotAppliedRows(ctx: Ctx, id: string, out: Writable): Promise<number> {
  const record = await loadResultImport(ctx, id);
  const fileHeader = await fileHeaders(ctx, record.id);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('Tidak diterapkan');
  const width = Math.max(fileHeader.length, await widestRow(ctx.db, record.id));
  const headers = Array.from({ length: width }, (_, i) => fileHeader[i] || `kolom_${i + 1}`);
  const header = sheet.addRow([...headers, 'baris', 'hasil_impor', 'alasan_tidak_diterapkan']);
  header.font = { bold: true };
  header.commit();
  let n = 0;
  // a page at a time: an answer for a province has up to 100,000 rows not applied
  for (let after = -1; ;) {
    const page = await resultRows(ctx.db, record.id, NOT_APPLIED, PAGE, after);
    for (const r of page) {
      const cells = Array.from({ length: width }, (_, i) => neutraliseCell(r.cells[i] ?? ''));
      sheet
        .addRow([
          ...cells,
          r.line,
          OUTCOME_LABEL[r.outcome as ResultOutcome] ?? r.outcome,
          neutraliseCell(r.message ?? ''),
        ])
        .commit();
    }
    n += page.length;
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.line;
  }
  sheet.commit();
  await workbook.commit();
  return n;
}
