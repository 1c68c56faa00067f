import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { maskKpj, maskNik } from '../../rules/personal-data.ts';
import { parseOrThrow } from '../../validation.ts';
import { displayNames } from '../accounts/accounts.repository.ts';
import { dateToMonth, loadProgram } from '../programs/load-program.ts';
import {
  batchMembers,
  listBatches,
  listResultImports,
  programStatuses,
} from './bpjs.repository.ts';
import { BatchDetailQuery, type BatchDetail, type BpjsExchange } from './bpjs.schema.ts';
import { loadBatch, toBatchSummaries, toBatchSummary } from './batch-summary.ts';
import { resultImportVisible, toImportSummary } from './get-results.ts';

/**
 * What the exchange screen of a program shows the actor: the enrollments of the own region per
 * status (approved = ready to send), the batches of the region, and the answers imported.
 */
export async function getBpjsExchange(ctx: Ctx, programId: string): Promise<BpjsExchange> {
  requirePermission(ctx.actor, 'bpjs.read');
  const program = await loadProgram(ctx, programId);
  const statuses = await programStatuses(ctx.db, program.id, ctx.actor);
  const batches = await toBatchSummaries(ctx.db, await listBatches(ctx.db, program.id, ctx.actor));
  const visible = (await listResultImports(ctx.db, program.id)).filter((r) =>
    resultImportVisible(ctx, r),
  );
  const people = await displayNames(
    ctx.db,
    visible.map((r) => r.record.createdById),
  );
  const imports = visible.map((r) => toImportSummary(r.record, people));
  return {
    program: {
      id: program.id,
      name: program.name,
      ownerRegion: program.ownerRegion,
      firstMonth: dateToMonth(program.firstMonth),
      lastMonth: dateToMonth(program.lastMonth),
      status: program.status,
    },
    statuses,
    ready: statuses.approved ?? 0,
    batches,
    imports,
  };
}

/** A batch with its workers as they stand now (NIK and KPJ masked), a page at a time. */
export async function getBatch(
  ctx: Ctx,
  batchId: string,
  raw: BatchDetailQuery = {},
): Promise<BatchDetail> {
  const query = parseOrThrow(BatchDetailQuery, raw, 'Parameter tidak valid.');
  const { batch, programName } = await loadBatch(ctx, batchId);
  const members = await batchMembers(
    ctx.db,
    batch.id,
    (query.page - 1) * query.pageSize,
    query.pageSize,
  );
  return {
    ...(await toBatchSummary(ctx.db, batch)),
    programName,
    page: query.page,
    pageSize: query.pageSize,
    members: members.map((m) => ({
      enrollmentId: m.enrollmentId,
      workerId: m.workerId,
      name: m.name,
      nik: maskNik(m.nik),
      villageCode: m.villageCode,
      villageName: m.villageName ?? m.villageCode,
      status: m.status,
      reason: m.reason,
      kpj: m.kpj ? maskKpj(m.kpj) : null,
      effectiveDate: m.effectiveDate,
    })),
  };
}
