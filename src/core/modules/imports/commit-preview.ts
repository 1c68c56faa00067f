import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { actorName } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { workerImport, workerImportFile } from '../../db/schema/imports.ts';
import { DomainError } from '../../errors.ts';
import { emptyCounts } from './import-chunk.ts';
import { hasImportFile } from './import-file-store.ts';
import { insertImport, type ImportRow } from './imports.repository.ts';
import { loadImport } from './get-import.ts';
import { previewFileKeptUntil } from './preview-file.ts';

const FILE_GONE = 'Berkas pratinjau sudah dihapus; pilih berkas lagi untuk menyimpan.';

/**
 * Saves a finished preview from the file it kept: queues a commit job with the preview's file
 * (its pieces move to the job: one UPDATE, no copy of a 175 MB file), layout and village. The
 * preview remembers the job, so it is saved once. Whoever may see the preview and create workers
 * may save it; the job runs as that person and is seen by the same people as the preview.
 */
export async function commitPreview(ctx: Ctx, id: string): Promise<ImportRow> {
  requirePermission(ctx.actor, 'workers.create');
  await loadImport(ctx, id);
  return ctx.db.transaction(async (tx) => {
    // locked: a second click, another server or the clean-up of old files waits or skips it
    const [preview] = await tx
      .select()
      .from(workerImport)
      .where(eq(workerImport.id, id))
      .for('update');
    if (!preview) throw new DomainError('NOT_FOUND', 'Impor tidak ditemukan.', { id });
    assertSaveable(preview);
    const hasFile = await hasImportFile(tx, id);
    if (!previewFileKeptUntil(preview, hasFile, ctx.now())) {
      throw new DomainError('CONFLICT', FILE_GONE, { finishedAt: preview.finishedAt });
    }
    const job = await insertImport(tx, {
      createdBy: actorName(ctx.actor),
      createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      fileName: preview.fileName,
      format: preview.format,
      layout: preview.layout,
      mode: 'commit',
      status: 'queued',
      villageCode: preview.villageCode,
      scopeCodes: preview.scopeCodes,
      headers: preview.headers,
      counts: emptyCounts(),
      bytesTotal: preview.bytesTotal,
    });
    await tx
      .update(workerImportFile)
      .set({ importId: job.id })
      .where(eq(workerImportFile.importId, id));
    await tx.update(workerImport).set({ commitId: job.id }).where(eq(workerImport.id, id));
    await recordAudit(tx, ctx, {
      action: 'imports.commitPreview',
      entity: 'worker_import',
      entityId: id,
      regionCode: preview.villageCode ?? preview.scopeCodes[0] ?? null,
      after: {
        commitId: job.id,
        fileName: preview.fileName,
        layout: preview.layout,
        previewCounts: preview.counts,
      },
    });
    return job;
  });
}

function assertSaveable(preview: ImportRow): void {
  if (preview.mode !== 'preview') {
    throw new DomainError(
      'CONFLICT',
      'Impor ini bukan pratinjau: hasilnya sudah disimpan saat berjalan.',
      { mode: preview.mode },
    );
  }
  if (preview.status === 'failed' || preview.status === 'cancelled') {
    throw new DomainError(
      'CONFLICT',
      'Pratinjau ini tidak selesai (gagal atau dibatalkan): jalankan pratinjau lagi sebelum menyimpan.',
      { status: preview.status },
    );
  }
  if (preview.status !== 'done') {
    throw new DomainError(
      'CONFLICT',
      'Pratinjau ini belum selesai: hasilnya dapat disimpan setelah semua baris diperiksa.',
      { status: preview.status },
    );
  }
  if (preview.commitId) {
    throw new DomainError(
      'CONFLICT',
      'Pratinjau ini sudah disimpan. Buka hasil penyimpanannya dari daftar Impor terakhir.',
      { commitId: preview.commitId },
    );
  }
}
