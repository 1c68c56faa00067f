import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { regionPrefixMatch } from '../../db/region-scope.ts';
import { region } from '../../db/schema/regions.ts';

export interface VillageCounts {
  desa: number;
  kelurahan: number;
  desaAdat: number;
}

/**
 * Villages in force (not retired) at or below `code`, by kind, counted in the register itself and
 * limited to the actor's scopes (null = everywhere): a prefix range scan on the primary key.
 */
export async function countVillagesByKind(
  db: Db,
  code: string,
  scopes: readonly string[] | null,
): Promise<VillageCounts> {
  const rows = await db
    .select({ kind: region.kind, n: sql<number>`count(*)::int` })
    .from(region)
    .where(
      and(
        regionPrefixMatch(region.code, [code]),
        scopes === null ? undefined : regionPrefixMatch(region.code, scopes),
        eq(region.level, 'village'),
        isNull(region.retiredAt),
      ),
    )
    .groupBy(region.kind);
  const count = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { desa: count('desa'), kelurahan: count('kelurahan'), desaAdat: count('desa_adat') };
}
