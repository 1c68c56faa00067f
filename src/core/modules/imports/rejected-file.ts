import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.ts';
import { neutraliseCell } from '../../spreadsheet.ts';
import { listNotWritten } from './imports.repository.ts';
import { loadImport } from './get-import.ts';

/**
 * The rejected rows as an XLSX in the file's own layout plus a column with the reason, ready to fix
 * and upload again (the reason column is ignored on import: its header is not a worker field).
 */
export async function writeRejectedRows(ctx: Ctx, id: string, out: Writable): Promise<number> {
  const record = await loadImport(ctx, id);
  const rows = await listNotWritten(ctx.db, id, 'rejected');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('Ditolak');
  const header = sheet.addRow([...record.headers, 'alasan_ditolak']);
  header.font = { bold: true };
  header.commit();
  // A row may end before the last column (empty trailing cells): the reason stays under its header.
  const width = record.headers.length;
  for (const r of rows) {
    const cells = Array.from({ length: width }, (_, i) => neutraliseCell(r.cells[i] ?? ''));
    sheet.addRow([...cells, neutraliseCell(r.reason)]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return rows.length;
}
