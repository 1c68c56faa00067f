import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { regionRegisterVersion } from '../../db/schema/regions.ts';
import type { RegionSourceRow } from './read-region-source.ts';

/** Rows per statement: keeps each JSON parameter a few MB on both drivers. */
const CHUNK = 25_000;

export async function isRegisterEmpty(tx: Db): Promise<boolean> {
  const [r] = await queryRows<{ empty: boolean }>(
    tx,
    sql`SELECT NOT EXISTS (SELECT 1 FROM region) AS empty`,
  );
  return r?.empty ?? true;
}

/** Writes rows in chunks of JSON arrays: one parameter per chunk, the same on PGlite and pg. */
async function insertJsonChunks(
  tx: Db,
  rows: RegionSourceRow[],
  insert: (json: string) => ReturnType<typeof sql>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows
      .slice(i, i + CHUNK)
      .map((r) => [r.code, r.name, r.level, r.kind, r.parentCode]);
    await tx.execute(insert(JSON.stringify(chunk)));
  }
}

/**
 * The first load, into an empty register: straight into the table (its primary key refuses a
 * source that lists one code twice). Returns the number of rows added.
 */
export async function insertRegions(
  tx: Db,
  rows: RegionSourceRow[],
  version: string,
): Promise<number> {
  await insertJsonChunks(
    tx,
    rows,
    (json) => sql`INSERT INTO region (code, name, level, kind, parent_code, source_version)
      SELECT x->>0, x->>1, x->>2, x->>3, x->>4, ${version} FROM json_array_elements(${json}::json) AS x`,
  );
  return rows.length;
}

/**
 * A later load stages the rows in a temporary table (dropped at commit; its primary key refuses
 * duplicates) to compare them with the register.
 */
export async function stageRegions(tx: Db, rows: RegionSourceRow[]): Promise<void> {
  await tx.execute(sql`CREATE TEMP TABLE region_stage (
      code text COLLATE "C" PRIMARY KEY, name text NOT NULL, level text NOT NULL, kind text, parent_code text
    ) ON COMMIT DROP`);
  await insertJsonChunks(
    tx,
    rows,
    (json) => sql`INSERT INTO region_stage (code, name, level, kind, parent_code)
      SELECT x->>0, x->>1, x->>2, x->>3, x->>4 FROM json_array_elements(${json}::json) AS x`,
  );
}

/** Inserts new codes, updates changed ones (and revives retired ones); unchanged rows are not touched. */
export async function mergeStagedRegions(
  tx: Db,
  version: string,
): Promise<{ added: number; updated: number }> {
  const [r] = await queryRows<{ added: number; updated: number }>(
    tx,
    sql`WITH m AS (
        INSERT INTO region (code, name, level, kind, parent_code, source_version)
        SELECT code, name, level, kind, parent_code, ${version} FROM region_stage
        ON CONFLICT (code) DO UPDATE SET
          name = excluded.name, level = excluded.level, kind = excluded.kind,
          parent_code = excluded.parent_code, source_version = excluded.source_version,
          retired_at = NULL, updated_at = now()
        WHERE region.name IS DISTINCT FROM excluded.name
           OR region.kind IS DISTINCT FROM excluded.kind
           OR region.parent_code IS DISTINCT FROM excluded.parent_code
           OR region.retired_at IS NOT NULL
        RETURNING (xmax = 0) AS inserted)
      SELECT count(*) FILTER (WHERE inserted)::int AS added,
             count(*) FILTER (WHERE NOT inserted)::int AS updated FROM m`,
  );
  return { added: r?.added ?? 0, updated: r?.updated ?? 0 };
}

/** Codes that the new register no longer has are retired, never deleted: records may refer to them. */
export async function retireMissingRegions(tx: Db): Promise<number> {
  const [r] = await queryRows<{ retired: number }>(
    tx,
    sql`WITH u AS (
        UPDATE region SET retired_at = now(), updated_at = now()
        WHERE retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM region_stage s WHERE s.code = region.code)
        RETURNING 1)
      SELECT count(*)::int AS retired FROM u`,
  );
  return r?.retired ?? 0;
}

/**
 * Recomputes the counts of everything below each province, regency and district in one pass
 * over the register (every level equals the sum of its children by construction).
 */
export async function recomputeRegionCounts(tx: Db): Promise<void> {
  await tx.execute(sql`
    WITH d AS (SELECT code, level, kind FROM region WHERE retired_at IS NULL AND level <> 'province'),
    up AS (
      SELECT left(code, 2) AS anc, level, kind FROM d
      UNION ALL SELECT left(code, 5), level, kind FROM d WHERE level IN ('district', 'village')
      UNION ALL SELECT left(code, 8), level, kind FROM d WHERE level = 'village'),
    agg AS (
      SELECT anc,
        count(*) FILTER (WHERE level = 'regency')::int AS regencies,
        count(*) FILTER (WHERE level = 'district')::int AS districts,
        count(*) FILTER (WHERE level = 'village')::int AS villages,
        count(*) FILTER (WHERE kind = 'desa')::int AS desa,
        count(*) FILTER (WHERE kind = 'kelurahan')::int AS kelurahan,
        count(*) FILTER (WHERE kind = 'desa_adat')::int AS desa_adat
      FROM up GROUP BY anc),
    target AS (
      SELECT r.code, coalesce(a.regencies, 0) AS regencies, coalesce(a.districts, 0) AS districts,
        coalesce(a.villages, 0) AS villages, coalesce(a.desa, 0) AS desa,
        coalesce(a.kelurahan, 0) AS kelurahan, coalesce(a.desa_adat, 0) AS desa_adat
      FROM region r LEFT JOIN agg a ON a.anc = r.code WHERE r.level <> 'village')
    UPDATE region r SET regency_count = t.regencies, district_count = t.districts,
      village_count = t.villages, desa_count = t.desa, kelurahan_count = t.kelurahan,
      desa_adat_count = t.desa_adat
    FROM target t
    WHERE r.code = t.code AND (r.regency_count, r.district_count, r.village_count, r.desa_count,
      r.kelurahan_count, r.desa_adat_count) IS DISTINCT FROM
      (t.regencies, t.districts, t.villages, t.desa, t.kelurahan, t.desa_adat)`);
}

export async function insertRegisterVersion(
  tx: Db,
  row: { source: string; version: string; loadedBy: string; counts: Record<string, number> },
): Promise<void> {
  await tx.insert(regionRegisterVersion).values(row);
}
