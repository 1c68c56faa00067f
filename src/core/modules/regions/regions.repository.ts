import { and, asc, desc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import { regionLevelOf } from '../../rules/region-code.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { escapeLike } from '../../db/region-scope.ts';
import { region, regionLocalTerm, regionRegisterVersion } from '../../db/schema/regions.ts';
import type { LocalTerm, RegionCounts, RegionSearchHit, RegionSummary } from './regions.schema.ts';

type RegionRow = typeof region.$inferSelect;

const summaryColumns = {
  code: region.code,
  name: region.name,
  level: region.level,
  kind: region.kind,
  parentCode: region.parentCode,
  retiredAt: region.retiredAt,
  regencyCount: region.regencyCount,
  districtCount: region.districtCount,
  villageCount: region.villageCount,
  desaCount: region.desaCount,
  kelurahanCount: region.kelurahanCount,
  desaAdatCount: region.desaAdatCount,
};
type SummaryRow = Pick<RegionRow, keyof typeof summaryColumns>;

export function toSummary(r: SummaryRow): RegionSummary {
  const counts: RegionCounts = {
    regencies: r.regencyCount,
    districts: r.districtCount,
    villages: r.villageCount,
    desa: r.desaCount,
    kelurahan: r.kelurahanCount,
    desaAdat: r.desaAdatCount,
  };
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind as RegionSummary['kind'],
    parentCode: r.parentCode,
    retired: r.retiredAt !== null,
    counts,
  };
}

export async function findRegion(db: Db, code: string): Promise<RegionSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(region).where(eq(region.code, code));
  return row ? toSummary(row) : undefined;
}

export async function findRegionNames(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ code: region.code, name: region.name, level: region.level })
    .from(region)
    .where(inArray(region.code, codes))
    .orderBy(asc(region.code));
}

const CHILD_LEVEL = { province: 'regency', regency: 'district', district: 'village' } as const;

/**
 * Children of a region (the provinces when parent is null), retired codes last: a prefix scan on
 * the primary key (or the small index of the upper levels) with the level of the children.
 */
export async function listChildRegions(
  db: Db,
  parentCode: string | null,
): Promise<RegionSummary[]> {
  const parentLevel = parentCode === null ? undefined : regionLevelOf(parentCode);
  const level =
    parentLevel === undefined
      ? 'province'
      : parentLevel === 'village'
        ? undefined
        : CHILD_LEVEL[parentLevel];
  if (!level) return [];
  const rows = await db
    .select(summaryColumns)
    .from(region)
    .where(
      parentCode === null
        ? eq(region.level, level)
        : and(like(region.code, `${parentCode}.%`), eq(region.level, level)),
    )
    .orderBy(sql`${region.retiredAt} IS NOT NULL`, asc(region.code));
  return rows.map(toSummary);
}

/**
 * Search by code prefix (when the text is digits and dots) or by part of the name,
 * case-insensitively; exact and leading matches first, then higher levels.
 */
export async function searchRegions(
  db: Db,
  q: {
    text: string;
    codePrefix: string | undefined;
    level?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: RegionSearchHit[]; total: number }> {
  const needle = q.text.toLowerCase();
  const match = q.codePrefix
    ? sql`(r.code = ${q.codePrefix} OR r.code LIKE ${`${escapeLike(q.codePrefix)}%`})`
    : sql`lower(r.name) LIKE ${`%${escapeLike(needle)}%`}`;
  const where = q.level ? sql`${match} AND r.level = ${q.level}` : match;
  const rows = await queryRows<SummaryRow & { path: string; total: number }>(
    db,
    sql`SELECT r.code, r.name, r.level, r.kind, r.parent_code AS "parentCode", r.retired_at AS "retiredAt",
          r.regency_count AS "regencyCount", r.district_count AS "districtCount",
          r.village_count AS "villageCount", r.desa_count AS "desaCount",
          r.kelurahan_count AS "kelurahanCount", r.desa_adat_count AS "desaAdatCount",
          concat_ws(' › ',
            CASE WHEN r.level <> 'province' THEN p.name END,
            CASE WHEN r.level IN ('district', 'village') THEN k.name END,
            CASE WHEN r.level = 'village' THEN d.name END) AS path,
          count(*) OVER ()::int AS total
        FROM region r
        LEFT JOIN region p ON p.code = left(r.code, 2)
        LEFT JOIN region k ON k.code = left(r.code, 5)
        LEFT JOIN region d ON d.code = left(r.code, 8)
        WHERE ${where}
        ORDER BY r.retired_at IS NOT NULL,
          (regexp_replace(lower(r.name), '^(kabupaten administrasi|kota administrasi|kabupaten|kota|provinsi) ', '') = ${needle}) DESC,
          length(r.code), (lower(r.name) LIKE ${`${escapeLike(needle)}%`}) DESC, r.code
        LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  const total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.offset > 0) {
    const [c] = await queryRows<{ total: number }>(
      db,
      sql`SELECT count(*)::int AS total FROM region r WHERE ${where}`,
    );
    return { rows: [], total: c?.total ?? 0 };
  }
  return {
    rows: rows.map((r) => ({
      ...toSummary({ ...r, retiredAt: r.retiredAt ? new Date(r.retiredAt) : null }),
      path: r.path,
    })),
    total,
  };
}

/** Local terms set on any of the given codes (a region's province and regency). */
export async function findLocalTerms(db: Db, codes: string[]): Promise<LocalTerm[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select()
    .from(regionLocalTerm)
    .where(inArray(regionLocalTerm.regionCode, codes));
  return rows.map((r) => ({
    villageTerm: r.villageTerm,
    villageHeadTitle: r.villageHeadTitle,
    setOn: r.regionCode,
  }));
}

export async function upsertLocalTerm(
  db: Db,
  row: {
    regionCode: string;
    villageTerm: string;
    villageHeadTitle: string | null;
    updatedBy: string;
  },
): Promise<void> {
  await db
    .insert(regionLocalTerm)
    .values(row)
    .onConflictDoUpdate({
      target: regionLocalTerm.regionCode,
      set: {
        villageTerm: row.villageTerm,
        villageHeadTitle: row.villageHeadTitle,
        updatedBy: row.updatedBy,
        updatedAt: sql`now()`,
      },
    });
}

export async function deleteLocalTerm(db: Db, regionCode: string): Promise<void> {
  await db.delete(regionLocalTerm).where(eq(regionLocalTerm.regionCode, regionCode));
}

export async function findLatestRegisterVersion(db: Db, source: string) {
  const [row] = await db
    .select()
    .from(regionRegisterVersion)
    .where(eq(regionRegisterVersion.source, source))
    .orderBy(desc(regionRegisterVersion.loadedAt))
    .limit(1);
  return row;
}

export async function listRegisterVersions(db: Db) {
  return db.select().from(regionRegisterVersion).orderBy(desc(regionRegisterVersion.loadedAt));
}

export async function countActiveRegions(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ level: region.level, n: sql<number>`count(*)::int` })
    .from(region)
    .where(and(isNull(region.retiredAt)))
    .groupBy(region.level);
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}
