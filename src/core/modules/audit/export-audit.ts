import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { AuditFilter } from './audit.schema.ts';
import { auditBatch, auditWhere } from './audit.repository.ts';
import { toAuditWhere } from './list-audit.ts';
import { neutraliseCell } from '../../spreadsheet.ts';

const BATCH = 2_000;

function jakartaTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Jakarta',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

/**
 * Streams the filtered audit records (within the actor's scope) as an XLSX workbook, in batches,
 * so a long trail never sits in memory. The export itself is recorded first, with its filter.
 */
export async function exportAudit(ctx: Ctx, filter: AuditFilter, out: Writable): Promise<number> {
  requirePermission(ctx.actor, 'audit.export');
  const where = auditWhere(toAuditWhere(ctx.actor, filter));
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'audit.export', entity: 'audit_log', after: { filter } }),
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('Audit');
  sheet.columns = [
    { header: 'Waktu (WIB)', key: 'at', width: 20 },
    { header: 'Pengguna', key: 'actor', width: 22 },
    { header: 'Tindakan', key: 'action', width: 24 },
    { header: 'Entitas', key: 'entity', width: 18 },
    { header: 'ID entitas', key: 'entityId', width: 38 },
    { header: 'Wilayah', key: 'region', width: 16 },
    { header: 'Sebelum', key: 'before', width: 60 },
    { header: 'Sesudah', key: 'after', width: 60 },
    { header: 'ID permintaan', key: 'requestId', width: 38 },
  ];
  sheet.getRow(1).font = { bold: true };
  let last: number | null = null;
  let count = 0;
  for (;;) {
    const batch = await auditBatch(ctx.db, where, last, BATCH);
    for (const e of batch) {
      sheet
        .addRow({
          at: jakartaTime(e.at),
          actor: neutraliseCell(e.actorName),
          action: neutraliseCell(e.action),
          entity: neutraliseCell(e.entity),
          entityId: neutraliseCell(e.entityId ?? ''),
          region: e.regionCode ?? '',
          before: e.before == null ? '' : neutraliseCell(JSON.stringify(e.before)),
          after: e.after == null ? '' : neutraliseCell(JSON.stringify(e.after)),
          requestId: e.requestId ?? '',
        })
        .commit();
    }
    count += batch.length;
    if (batch.length < BATCH) break;
    last = batch.at(-1)!.id;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
