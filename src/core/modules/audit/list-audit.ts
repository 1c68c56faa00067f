import type { Ctx } from '../../context.ts';
import type { Actor } from '../../access/actor.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { DomainError } from '../../errors.ts';
import { normaliseRegionCode } from '../../rules/region-code.ts';
import type { AuditFilter, AuditList, AuditQuery } from './audit.schema.ts';
import { auditWhere, listAuditEntries, type AuditWhere } from './audit.repository.ts';

/** Audit records in the actor's scope: by the region each record is about. National records
 * (no region: register loads, national accounts) only for national actors. */
export function auditScopes(actor: Actor): string[] | null {
  if (actor.kind === 'system' || actor.scope.length === 0) return null;
  return actor.scope;
}

export function toAuditWhere(actor: Actor, f: AuditFilter): AuditWhere {
  let region: string | undefined;
  if (f.region) {
    region = normaliseRegionCode(f.region);
    if (!region) throw new DomainError('VALIDATION', `Kode wilayah "${f.region}" tidak valid.`);
  }
  return {
    scopes: auditScopes(actor),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(region ? { region } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

export async function listAudit(ctx: Ctx, query: AuditQuery): Promise<AuditList> {
  requirePermission(ctx.actor, 'audit.read');
  const where = auditWhere(toAuditWhere(ctx.actor, query));
  const { rows, total } = await listAuditEntries(
    ctx.db,
    where,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}
