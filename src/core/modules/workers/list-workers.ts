import type { Ctx } from '../../context.ts';
import type { Actor } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { DomainError } from '../../errors.ts';
import { normaliseNik } from '../../rules/nik.ts';
import { normaliseRegionCode } from '../../rules/region-code.ts';
import type { ListWorkersQuery, WorkerList } from './workers.schema.ts';
import { listWorkerRows, nameKeyOf, type WorkerFilter } from './workers.repository.ts';
import { toListItem } from './to-worker-view.ts';

export function workerScopes(actor: Actor): string[] | null {
  if (actor.kind === 'system' || actor.scope.length === 0) return null;
  return actor.scope;
}

/** The list's query as a repository filter: the actor's scope plus the chosen filters. */
export function toWorkerFilter(
  actor: Actor,
  q: Omit<ListWorkersQuery, 'page' | 'pageSize' | 'sort'>,
): WorkerFilter {
  let region: string | undefined;
  if (q.region) {
    region = normaliseRegionCode(q.region);
    if (!region) throw new DomainError('VALIDATION', `Kode wilayah "${q.region}" tidak valid.`);
  }
  const text = q.q?.trim();
  const nik = text && /^\d{16}$/.test(normaliseNik(text)) ? normaliseNik(text) : undefined;
  const nameLike = text && !nik ? nameKeyOf(text) : undefined;
  return {
    scopes: workerScopes(actor),
    ...(nik ? { nik } : {}),
    ...(nameLike ? { nameLike } : {}),
    ...(region ? { region } : {}),
    ...(q.segment ? { segment: q.segment } : {}),
    ...(q.occupation ? { occupation: q.occupation } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.hasWarnings !== undefined ? { hasWarnings: q.hasWarnings } : {}),
  };
}

/**
 * Workers in the actor's scope, NIK masked: a 16-digit query is an exact NIK, anything else a
 * part of the name (case and accents ignored; a trigram index keeps it fast at a million rows).
 */
export async function listWorkers(ctx: Ctx, q: ListWorkersQuery): Promise<WorkerList> {
  requirePermission(ctx.actor, 'workers.read');
  const { rows, total } = await listWorkerRows(ctx.db, toWorkerFilter(ctx.actor, q), {
    sort: q.sort,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toListItem), total, page: q.page, pageSize: q.pageSize };
}
