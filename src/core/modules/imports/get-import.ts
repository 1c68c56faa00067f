import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { DomainError } from '../../errors.ts';
import type { ImportSummary } from './imports.schema.ts';
import { hasImportFile } from './import-file-store.ts';
import { findImport, listNotWritten, type ImportRow } from './imports.repository.ts';
import { mayKeepFile, previewFileKeptUntil } from './preview-file.ts';

/** An import is visible to its author and to users whose scope covers the author's scope. */
export function importVisible(ctx: Ctx, row: ImportRow): boolean {
  const actor = ctx.actor;
  if (actor.kind === 'system' || actor.scope.length === 0) return true;
  if (actor.kind === 'user' && row.createdById === actor.id) return true;
  return (
    row.scopeCodes.length > 0 &&
    row.scopeCodes.every((c) => actor.scope.some((s) => c === s || c.startsWith(`${s}.`)))
  );
}

export async function loadImport(ctx: Ctx, id: string): Promise<ImportRow> {
  requirePermission(ctx.actor, 'workers.read');
  const row = await findImport(ctx.db, id);
  if (!row || !importVisible(ctx, row))
    throw new DomainError('NOT_FOUND', 'Impor tidak ditemukan.', { id });
  return row;
}

export async function getImport(ctx: Ctx, id: string): Promise<ImportSummary> {
  const row = await loadImport(ctx, id);
  const rows = await listNotWritten(ctx.db, id, undefined, 500);
  const hasFile = mayKeepFile(row) && (await hasImportFile(ctx.db, id));
  return toSummary(row, rows, previewFileKeptUntil(row, hasFile, ctx.now()));
}

export function toSummary(
  row: ImportRow,
  rows: { line: number; outcome: 'rejected' | 'skipped'; reason: string }[],
  fileKeptUntil: Date | null = null,
): ImportSummary {
  return {
    id: row.id,
    status: row.status,
    mode: row.mode,
    fileName: row.fileName,
    format: row.format,
    layout: row.layout,
    villageCode: row.villageCode,
    counts: row.counts,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    progress: {
      bytesDone: row.bytesDone,
      bytesTotal: row.bytesTotal,
      linesDone: row.linesDone,
      percent:
        row.status === 'done'
          ? 100
          : row.bytesTotal > 0
            ? Math.min(99, Math.floor((row.bytesDone / row.bytesTotal) * 100))
            : 0,
    },
    cancelRequested: row.cancelRequested,
    commitId: row.commitId,
    fileKeptUntil: fileKeptUntil?.toISOString() ?? null,
    rows: rows.map((r) => ({ line: r.line, outcome: r.outcome, reason: r.reason })),
  };
}
