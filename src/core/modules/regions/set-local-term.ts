import type { Ctx } from '../../context.ts';
import { actorName } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import {
  findLocalTerms,
  findRegion,
  deleteLocalTerm,
  upsertLocalTerm,
} from './regions.repository.ts';
import type { LocalTerm, SetLocalTermInput } from './regions.schema.ts';

async function loadTarget(ctx: Ctx, code: string) {
  requirePermission(ctx.actor, 'regions.setLocalTerm', code);
  const found = await findRegion(ctx.db, code);
  if (!found)
    throw new DomainError('NOT_FOUND', `Wilayah dengan kode ${code} tidak ditemukan.`, { code });
  if (found.level !== 'province' && found.level !== 'regency') {
    throw new DomainError(
      'VALIDATION',
      'Istilah lokal hanya dapat diatur untuk provinsi atau kabupaten/kota.',
      { code },
    );
  }
  return found;
}

/** Sets the local word for the village level (dusun, nagari, gampong…) on a province or regency. */
export async function setLocalTerm(
  ctx: Ctx,
  code: string,
  input: SetLocalTermInput,
): Promise<LocalTerm> {
  await loadTarget(ctx, code);
  return ctx.db.transaction(async (tx) => {
    const [before] = await findLocalTerms(tx, [code]);
    await upsertLocalTerm(tx, { regionCode: code, ...input, updatedBy: actorName(ctx.actor) });
    const after: LocalTerm = { ...input, setOn: code };
    await recordAudit(tx, ctx, {
      action: 'regions.setLocalTerm',
      entity: 'region_local_term',
      entityId: code,
      regionCode: code,
      before: before ?? null,
      after,
    });
    return after;
  });
}

/** Removes the local term of a province or regency: the official word is shown again. */
export async function clearLocalTerm(ctx: Ctx, code: string): Promise<void> {
  await loadTarget(ctx, code);
  await ctx.db.transaction(async (tx) => {
    const [before] = await findLocalTerms(tx, [code]);
    if (!before) return;
    await deleteLocalTerm(tx, code);
    await recordAudit(tx, ctx, {
      action: 'regions.clearLocalTerm',
      entity: 'region_local_term',
      entityId: code,
      regionCode: code,
      before,
      after: null,
    });
  });
}
