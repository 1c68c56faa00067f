import type { Ctx } from '../../context.ts';
import { can, requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { DomainError } from '../../errors.ts';
import { ancestorCodesOf } from '../../rules/region-code.ts';
import { findLocalTerms, findRegion, findRegionNames } from './regions.repository.ts';
import type { LocalTerm, RegionDetail } from './regions.schema.ts';

/**
 * One region with its ancestors, the counts of everything below it and the local term for the
 * village level that applies (a regency's own term wins over its province's).
 * The register is public reference data (Kemendagri): every signed-in role may read all of it.
 */
export async function getRegion(ctx: Ctx, code: string): Promise<RegionDetail> {
  requirePermission(ctx.actor, 'regions.read');
  const found = await findRegion(ctx.db, code);
  if (!found) {
    throw new DomainError('NOT_FOUND', `Wilayah dengan kode ${code} tidak ditemukan.`, { code });
  }
  const ancestorCodes = ancestorCodesOf(code);
  const ancestors = await findRegionNames(ctx.db, ancestorCodes);
  const termCodes = [...ancestorCodes, code].filter((c) => c.length <= 5);
  const terms = await findLocalTerms(ctx.db, termCodes);
  const setLocalTerm =
    (found.level === 'province' || found.level === 'regency') &&
    can(ctx.actor, 'regions.setLocalTerm') &&
    isWithinScope(ctx.actor, code);
  return {
    ...found,
    ancestors,
    localTerm: pickLocalTerm(terms),
    ownLocalTerm: terms.find((t) => t.setOn === code) ?? null,
    permissions: { setLocalTerm },
  };
}

/** The most specific term: a regency's own term wins over its province's. */
export function pickLocalTerm(terms: LocalTerm[]): LocalTerm | null {
  return [...terms].sort((a, b) => b.setOn.length - a.setOn.length)[0] ?? null;
}
