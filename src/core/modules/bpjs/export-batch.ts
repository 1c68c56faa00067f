import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { bpjsBatch } from '../../db/schema/programs.ts';
import { DomainError } from '../../errors.ts';
import { parseOrThrow, z } from '../../validation.ts';
import { loadProgram } from '../programs/load-program.ts';
import { RegionCode } from '../regions/regions.schema.ts';
import { writeBatchFile } from './batch-file.ts';
import { BPJS_LAYOUT_VERSION } from './bpjs-layout.ts';
import { markBatchSent, programStatusShared } from './bpjs.repository.ts';
import type { BatchSummary, ExchangeFormat } from './bpjs.schema.ts';
import { loadBatch, toBatchSummary } from './batch-summary.ts';

/** The deeper of two codes when one lies inside the other; null when they do not meet. */
function inner(a: string, b: string): string | null {
  if (a === b || a.startsWith(`${b}.`)) return a;
  if (b.startsWith(`${a}.`)) return b;
  return null;
}

/**
 * The part of the program's region a batch covers: the one asked for, or the actor's own region
 * inside the program's (a regency admin and a province program: the regency).
 */
function batchRegion(ctx: Ctx, ownerRegion: string, requested: string | undefined): string {
  const actor = ctx.actor;
  if (requested) {
    if (!isWithinScope(actor, requested))
      throw new DomainError('FORBIDDEN', 'Wilayah ini di luar cakupan akun Anda.', {
        regionCode: requested,
      });
    const region = inner(requested, ownerRegion);
    if (!region) {
      const message = `Wilayah ${requested} tidak termasuk wilayah program (${ownerRegion}).`;
      throw new DomainError('VALIDATION', message, { issues: [{ path: 'region', message }] });
    }
    return region;
  }
  if (actor.kind === 'system' || actor.scope.length === 0) return ownerRegion;
  const candidates = [
    ...new Set(actor.scope.map((s) => inner(s, ownerRegion)).filter((c) => c !== null)),
  ];
  if (candidates.length === 1) return candidates[0]!;
  const message = 'Akun Anda mencakup beberapa wilayah program ini: pilih wilayah yang dikirim.';
  throw new DomainError('VALIDATION', message, { issues: [{ path: 'region', message }] });
}

const ExportInput = z.object({ region: RegionCode.optional() });

/**
 * Only an active program sends workers to BPJS: a draft has nobody approved yet, and a closed one
 * pays for nobody new (its answers are still taken: see importResults).
 */
function assertSendable(status: string | undefined): void {
  if (status === 'draft')
    throw new DomainError('CONFLICT', 'Program ini masih draf: aktifkan dulu sebelum dikirim.');
  if (status === 'closed')
    throw new DomainError(
      'CONFLICT',
      'Program ini sudah ditutup: peserta yang disetujui tidak dapat dikirim lagi ke BPJS.',
    );
}

/**
 * Puts the program's approved enrollments of the actor's region into a new batch for the BPJS
 * branch: they become `sent` with the batch id, in one transaction (two offices exporting at once
 * cannot send a worker twice: the second UPDATE skips rows the first changed). Audited once per
 * batch, with the enrollment ids: a batch is one act, and the ids say whose data left (UU 27/2022);
 * a record per enrollment would add tens of thousands of rows for a province. Stream the file
 * with writeBatch().
 */
export async function exportBatch(
  ctx: Ctx,
  programId: string,
  raw: { region?: string | undefined } = {},
): Promise<BatchSummary> {
  requirePermission(ctx.actor, 'bpjs.export');
  const input = parseOrThrow(ExportInput, raw, 'Wilayah tidak valid.');
  const program = await loadProgram(ctx, programId);
  const regionCode = batchRegion(ctx, program.ownerRegion, input.region);
  const batch = await ctx.db.transaction(async (tx) => {
    assertSendable(await programStatusShared(tx, program.id));
    const id = randomUUID();
    const ids = await markBatchSent(tx, program.id, regionCode, id);
    if (ids.length === 0)
      throw new DomainError(
        'CONFLICT',
        'Tidak ada peserta yang sudah disetujui dan belum dikirim ke BPJS di wilayah ini.',
        { regionCode },
      );
    const [row] = await tx
      .insert(bpjsBatch)
      .values({
        id,
        programId: program.id,
        regionCode,
        layoutVersion: BPJS_LAYOUT_VERSION,
        rows: ids.length,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.username : ctx.actor.name,
        createdById: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'bpjs.exportBatch',
      entity: 'bpjs_batch',
      entityId: id,
      regionCode,
      after: {
        programId: program.id,
        rows: ids.length,
        layoutVersion: BPJS_LAYOUT_VERSION,
        enrollmentIds: ids,
      },
    });
    return row!;
  });
  return toBatchSummary(ctx.db, batch);
}

/** Streams a batch's file (after exportBatch, which recorded it); the number of rows. */
export async function writeBatch(
  ctx: Ctx,
  batchId: string,
  format: ExchangeFormat,
  out: Writable,
): Promise<number> {
  const facts = await loadBatch(ctx, batchId);
  return writeBatchFile(ctx.db, facts, format, out);
}

/**
 * A batch downloaded again: the same rows, nothing about the enrollments changes. The download is
 * recorded (full NIKs leave the system again: DOMAIN §10).
 */
export async function downloadBatch(
  ctx: Ctx,
  batchId: string,
  format: ExchangeFormat,
  out: Writable,
): Promise<number> {
  const facts = await loadBatch(ctx, batchId);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'bpjs.downloadBatch',
      entity: 'bpjs_batch',
      entityId: batchId,
      regionCode: facts.batch.regionCode,
      after: { format, rows: facts.batch.rows },
    }),
  );
  return writeBatchFile(ctx.db, facts, format, out);
}
