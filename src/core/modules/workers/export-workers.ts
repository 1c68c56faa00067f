import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.ts';
import { can, requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { neutraliseCell } from '../../spreadsheet.ts';
import { toWorkerFilter } from './list-workers.ts';
import { WORKER_COLUMNS } from './worker-file-layout.ts';
import { addCodeSheet } from './worker-template.ts';
import type { ListWorkersQuery } from './workers.schema.ts';
import {
  countWorkerRows,
  workerBatch,
  type WorkerFilter,
  type WorkerRow,
} from './workers.repository.ts';

const BATCH = 2_000;

export type ExportWorkersQuery = Omit<ListWorkersQuery, 'page' | 'pageSize'>;
export type ExportFormat = 'xlsx' | 'csv';
type Cell = string | number | null;

/** One worker in the layout's column order: text neutralised, numbers kept, dates as text. */
function toCells(w: WorkerRow): Cell[] {
  return WORKER_COLUMNS.map(({ key }) => {
    const v = w[key];
    if (v === null || v === undefined) return null;
    return typeof v === 'number' ? v : neutraliseCell(String(v));
  });
}

/** Every row of the filter in the list's order, batch by batch (keyset paging). */
async function* workerRows(ctx: Ctx, filter: WorkerFilter, sort: ExportWorkersQuery['sort']) {
  let after = null;
  do {
    const batch = await workerBatch(ctx.db, filter, sort, after, BATCH);
    yield batch.rows;
    after = batch.next;
  } while (after);
}

async function writeXlsx(rows: AsyncIterable<WorkerRow[]>, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('Pekerja', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = WORKER_COLUMNS.map((c) => ({ header: c.header, width: c.header.length + 6 }));
  sheet.getRow(1).font = { bold: true };
  for await (const batch of rows) for (const w of batch) sheet.addRow(toCells(w)).commit();
  sheet.commit();
  // After the worker sheet: a streamed workbook writes its sheets one after another.
  addCodeSheet(workbook).commit();
  await workbook.commit();
}

async function writeCsv(rows: AsyncIterable<WorkerRow[]>, out: Writable): Promise<void> {
  // The BOM makes Excel read the file as UTF-8 (names with accents, "Rp").
  const csv = stringify({ bom: true, delimiter: ',' });
  const piped = pipeline(csv, out);
  csv.write(WORKER_COLUMNS.map((c) => c.header));
  for await (const batch of rows) {
    for (const w of batch) {
      if (!csv.write(toCells(w).map((v) => (v === null ? '' : String(v))))) {
        await once(csv, 'drain');
      }
    }
  }
  csv.end();
  await piped;
}

/** The query as the audit trail keeps it: a searched NIK masked, as auditors may read it. */
function auditedQuery(query: ExportWorkersQuery, filter: WorkerFilter): ExportWorkersQuery {
  return filter.nik ? { ...query, q: maskNik(filter.nik) } : query;
}

/**
 * The filtered workers (the list's filters and scope, every page) in the worker file layout v1,
 * so the file imports again, with FULL NIK, KK and KPJ: it is the village's working file and the
 * basis of the BPJS registration. So only roles that may see full identifiers export, and the
 * export is recorded first, with its filter and row count, so that after a breach the system can
 * say whose data left (UU 27/2022, DOMAIN §10). Returns the row count it recorded.
 */
export async function exportWorkers(
  ctx: Ctx,
  query: ExportWorkersQuery,
  format: ExportFormat,
  out: Writable,
): Promise<number> {
  requirePermission(ctx.actor, 'workers.read');
  if (!can(ctx.actor, 'personal.viewFull')) {
    throw new DomainError(
      'FORBIDDEN',
      'Ekspor pekerja berisi NIK, KK dan KPJ lengkap; peran Anda hanya dapat melihat yang disamarkan.',
    );
  }
  const filter = toWorkerFilter(ctx.actor, query);
  const regionCode =
    filter.region ?? (ctx.actor.kind === 'user' ? (ctx.actor.scope[0] ?? null) : null);
  const rows = await ctx.db.transaction(async (tx) => {
    const n = await countWorkerRows(tx, filter);
    await recordAudit(tx, ctx, {
      action: 'workers.export',
      entity: 'worker',
      regionCode,
      after: { filter: auditedQuery(query, filter), format, rows: n },
    });
    return n;
  });
  const source = workerRows(ctx, filter, query.sort);
  await (format === 'xlsx' ? writeXlsx(source, out) : writeCsv(source, out));
  return rows;
}
