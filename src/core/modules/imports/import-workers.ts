import type { Ctx } from '../../context.ts';
import { actorName } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { ImportCounts } from '../../db/schema/imports.ts';
import { DomainError } from '../../errors.ts';
import { normaliseNik } from '../../rules/nik.ts';
import { normaliseRegionCode, regionLevelOf } from '../../rules/region-code.ts';
import {
  finishImport,
  insertImport,
  insertNotWritten,
  type NotWrittenRow,
} from './imports.repository.ts';
import { mapColumns, mapRow, type ColumnMap } from './map-worker-row.ts';
import { processRow } from './process-row.ts';
import { readWorkerFile, type FileRow } from './read-worker-file.ts';
import { getImport } from './get-import.ts';
import type { ImportSummary } from './imports.schema.ts';

/** Thrown inside a preview's transaction so that nothing it wrote is kept. */
class PreviewRollback extends Error {}

const FLUSH_EVERY = 500;

/**
 * Imports a worker file (Jaring's layout, OpenSID's resident register, or a minimal NIK + name
 * list). Preview runs every row for real inside a transaction that is rolled back, so its counts
 * are exact; commit writes each row in its own transaction. Every data row ends up created,
 * updated, unchanged, rejected (with its reason, downloadable) or skipped (not a worker): the
 * counts always add up to the rows of the file. The same file twice creates nothing.
 */
export async function importWorkers(
  ctx: Ctx,
  file: { path: string; fileName: string },
  opts: { mode: 'preview' | 'commit'; villageCode?: string | undefined },
): Promise<ImportSummary> {
  requirePermission(ctx.actor, 'workers.create');
  const village = defaultVillage(ctx, opts.villageCode);
  const { format, headers, rows } = await readWorkerFile(file.path, file.fileName);
  const map = mapColumns(headers);
  if (map.columns.nik === undefined) {
    throw new DomainError(
      'VALIDATION',
      'Kolom NIK tidak ditemukan. Baris pertama berkas harus berisi judul kolom, salah satunya "nik".',
    );
  }
  const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : [];
  const record = await insertImport(ctx.db, {
    createdBy: actorName(ctx.actor),
    createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    fileName: file.fileName,
    format,
    layout: map.layout,
    mode: opts.mode,
    status: 'running',
    villageCode: village ?? null,
    scopeCodes: scope,
    headers,
    counts: emptyCounts(),
  });
  const counts = emptyCounts();
  const notWritten: NotWrittenRow[] = [];
  const run = (runCtx: Ctx) =>
    processAll(
      runCtx,
      map,
      rows,
      village,
      counts,
      notWritten,
      opts.mode === 'commit' ? record.id : undefined,
    );
  try {
    if (opts.mode === 'commit') await run(ctx);
    else {
      await ctx.db
        .transaction(async (tx) => {
          await run({ ...ctx, db: tx });
          throw new PreviewRollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof PreviewRollback)) throw e;
        });
    }
    await insertNotWritten(ctx.db, record.id, notWritten.splice(0));
  } catch (e) {
    await finishImport(ctx.db, record.id, {
      status: 'failed',
      counts,
      error: e instanceof Error ? e.message : String(e),
    });
    throw e;
  }
  await ctx.db.transaction(async (tx) => {
    await finishImport(tx, record.id, { status: 'done', counts });
    await recordAudit(tx, ctx, {
      action: opts.mode === 'commit' ? 'imports.commit' : 'imports.preview',
      entity: 'worker_import',
      entityId: record.id,
      regionCode: village ?? scope[0] ?? null,
      after: { fileName: file.fileName, layout: map.layout, counts },
    });
  });
  return getImport(ctx, record.id);
}

async function processAll(
  ctx: Ctx,
  map: ColumnMap,
  rows: AsyncIterable<FileRow>,
  village: string | undefined,
  counts: ImportCounts,
  notWritten: NotWrittenRow[],
  flushTo: string | undefined,
): Promise<void> {
  const seen = new Map<string, number>();
  for await (const row of rows) {
    counts.total += 1;
    const mapped = mapRow(map, row.cells);
    if (mapped.kind === 'skip') {
      counts.skipped += 1;
      notWritten.push({
        line: row.line,
        outcome: 'skipped',
        reason: mapped.reason,
        cells: row.cells,
      });
      continue;
    }
    const nik = mapped.fields.nik ? normaliseNik(mapped.fields.nik) : '';
    const earlier = seen.get(nik);
    const result =
      nik && earlier !== undefined
        ? {
            outcome: 'rejected' as const,
            reason: `NIK ${nik} sudah ada di baris ${earlier} berkas ini.`,
          }
        : await processRow(ctx, map, mapped.fields, village);
    if (nik && earlier === undefined) seen.set(nik, row.line);
    if (result.outcome === 'rejected') {
      counts.rejected += 1;
      notWritten.push({
        line: row.line,
        outcome: 'rejected',
        reason: result.reason,
        cells: row.cells,
      });
    } else {
      counts[result.outcome] += 1;
      if (result.warned) counts.warned += 1;
    }
    if (flushTo && notWritten.length >= FLUSH_EVERY)
      await insertNotWritten(ctx.db, flushTo, notWritten.splice(0));
  }
}

function defaultVillage(ctx: Ctx, given: string | undefined): string | undefined {
  if (given) {
    const code = normaliseRegionCode(given);
    if (!code || regionLevelOf(code) !== 'village') {
      throw new DomainError(
        'VALIDATION',
        `Kode desa "${given}" tidak valid: gunakan kode desa/kelurahan, mis. 15.08.01.2001.`,
      );
    }
    return code;
  }
  const own = ctx.actor.kind === 'user' ? ctx.actor.scope[0] : undefined;
  return own && regionLevelOf(own) === 'village' ? own : undefined;
}

function emptyCounts(): ImportCounts {
  return { total: 0, created: 0, updated: 0, unchanged: 0, warned: 0, rejected: 0, skipped: 0 };
}
