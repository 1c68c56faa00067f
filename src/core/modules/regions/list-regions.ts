import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { DomainError } from '../../errors.ts';
import { ancestorCodesOf, normaliseRegionCode } from '../../rules/region-code.ts';
import {
  findRegion,
  findRegionNames,
  listChildRegions,
  searchRegions,
} from './regions.repository.ts';
import type { ListRegionsQuery, RegionList } from './regions.schema.ts';

/**
 * Either the children of a region (all of them: a level never has more than a few hundred), the
 * provinces when no parent is given, or a paginated search by name or code.
 */
export async function listRegions(ctx: Ctx, query: ListRegionsQuery): Promise<RegionList> {
  requirePermission(ctx.actor, 'regions.read');
  if (query.q !== undefined) {
    const codePrefix = /^[\d.\s]+$/.test(query.q) ? codeLike(query.q) : undefined;
    const { rows, total } = await searchRegions(ctx.db, {
      text: query.q,
      codePrefix,
      level: query.level,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }
  const parent = query.parent ?? null;
  if (parent !== null && !(await findRegion(ctx.db, parent))) {
    throw new DomainError('NOT_FOUND', `Wilayah dengan kode ${parent} tidak ditemukan.`, {
      code: parent,
    });
  }
  const children = await listChildRegions(ctx.db, parent);
  const lineage = parent ? await findRegionNames(ctx.db, [...ancestorCodesOf(parent), parent]) : [];
  const path = lineage.map((r) => r.name).join(' › ');
  const items = children.map((c) => ({ ...c, path }));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/** "1508" → "15.08", "15.08.0" stays a partial prefix. */
function codeLike(text: string): string {
  const compact = text.replace(/\s/g, '');
  return normaliseRegionCode(compact) ?? compact;
}
