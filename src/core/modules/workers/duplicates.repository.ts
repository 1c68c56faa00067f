import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { escapeLike } from '../../db/region-scope.ts';
import { workerChild, workerDuplicateDecision, workerHeir } from '../../db/schema/workers.ts';

export type DecisionRow = typeof workerDuplicateDecision.$inferSelect;
export type NewDecisionRow = typeof workerDuplicateDecision.$inferInsert;

export interface DuplicateFilter {
  /** Region prefixes the actor may see; null = the whole country. Both workers must lie in them. */
  scopes: string[] | null;
  /** A region the pair touches: at least one of the two workers lies in it. */
  region?: string;
}

export interface PairIds {
  a: string;
  b: string;
  regencyCode: string;
}

/**
 * `column` is one of the codes or lies below one of them, written as plain `=` / `LIKE 'code.%'`
 * terms: with the value of each pattern known when the statement is planned, PostgreSQL turns
 * them into ranges on worker_village_idx ("C" collation), where `LIKE ANY(array)` reads the table.
 */
function underAny(column: SQL, codes: readonly string[]): SQL {
  if (codes.length === 0) return sql`false`;
  const terms = codes.map((c) => sql`${column} = ${c} OR ${column} LIKE ${`${escapeLike(c)}.%`}`);
  return sql`(${sql.join(terms, sql` OR `)})`;
}

/**
 * Undecided possible duplicates, each pair once, lower id first, with the total in the same pass
 * (window count). Measured with EXPLAIN ANALYZE on 1,000,000 workers (PostgreSQL 15): a self-join
 * probing worker_dup_idx once per worker took 5 s nationally; this takes about 0.5 s nationally
 * and 0.15 s for one regency of 93,000 workers:
 * - `k`: the (name key, birth date) keys held by two or more workers where a pair can lie. For a
 *   regency or less (the actor's scope, or the chosen region's regency: a pair never crosses a
 *   regency) read through ranges on the village index; for a province or the country an
 *   index-only scan of worker_dup_idx (all keys: a superset, `g` applies the scope).
 * - `g`: the workers of those keys (a few per key), fetched through worker_dup_idx. The LATERAL
 *   subquery with OFFSET 0 keeps the planner from hashing the whole table instead (it
 *   overestimates the keys).
 * - pairs: `g` joined to itself by key and regency, decided pairs left out (pair unique index).
 * With a region, a pair shows when one of the two lives in it: a pair inside it comes once (from
 * its lower id), one across its edge from its inside.
 */
export async function listDuplicatePairIds(
  db: Db,
  f: DuplicateFilter,
  page: { limit: number; offset: number },
): Promise<{ pairs: PairIds[]; total: number }> {
  const area = (col: SQL): SQL[] => [
    ...(f.scopes !== null ? [underAny(col, f.scopes)] : []),
    ...(f.region ? [underAny(col, [f.region.slice(0, 5)])] : []),
  ];
  const inArea = (col: SQL) => {
    const conds = area(col);
    return conds.length ? sql`AND ${and(...conds)}` : sql``;
  };
  // Narrow the key scan to a regency or less; a province or the country reads the whole key
  // index instead (index-only, faster than fetching most of the table's rows).
  const narrow =
    (f.region !== undefined && f.region.length >= 5) ||
    (f.scopes !== null && f.scopes.every((s) => s.length >= 5));
  const side = f.region
    ? sql`${underAny(sql`c.village_code`, [f.region])}
          AND (c.id < p.id OR NOT ${underAny(sql`p.village_code`, [f.region])})`
    : sql`c.id < p.id`;
  const rows = await queryRows<{ a: string; b: string; regency: string; total: number | string }>(
    db,
    sql`WITH k AS MATERIALIZED (
          SELECT name_key, birth_date FROM worker
          WHERE true ${narrow ? inArea(sql`village_code`) : sql``}
          GROUP BY name_key, birth_date HAVING count(*) > 1
        ), g AS MATERIALIZED (
          SELECT w.* FROM k CROSS JOIN LATERAL (
            SELECT id, nik, name_key, birth_date, village_code FROM worker w
            WHERE w.name_key = k.name_key AND w.birth_date = k.birth_date
              AND w.merged_into IS NULL ${inArea(sql`w.village_code`)}
            OFFSET 0) w
        )
        SELECT least(c.id, p.id)::text AS a, greatest(c.id, p.id)::text AS b,
               left(c.village_code, 5) AS regency, count(*) OVER ()::int AS total
        FROM g c
        JOIN g p ON p.name_key = c.name_key AND p.birth_date = c.birth_date
          AND left(p.village_code, 5) = left(c.village_code, 5) AND p.id <> c.id
        WHERE p.nik <> c.nik AND ${side}
          AND NOT EXISTS (SELECT 1 FROM worker_duplicate_decision d
                WHERE d.worker_a = least(c.id, p.id) AND d.worker_b = greatest(c.id, p.id))
        ORDER BY c.name_key, c.birth_date, least(c.id, p.id), greatest(c.id, p.id)
        LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  if (rows.length === 0 && page.offset > 0) {
    // past the last page: the window counted nothing, so count on its own
    const first = await listDuplicatePairIds(db, f, { limit: 1, offset: 0 });
    return { pairs: [], total: first.total };
  }
  return {
    pairs: rows.map((r) => ({ a: r.a, b: r.b, regencyCode: r.regency })),
    total: Number(rows[0]?.total ?? 0),
  };
}

export interface DuplicateWorkerRow {
  id: string;
  nik: string;
  fullName: string;
  sex: 'L' | 'P';
  birthPlace: string | null;
  birthDate: string;
  villageCode: string;
  villageName: string;
  districtName: string;
  dusun: string | null;
  occupationCode: number;
  segment: string;
  lifeStatus: 'alive' | 'dead' | 'moved';
  hasKk: boolean;
  hasPhone: boolean;
  hasKpj: boolean;
  heirCount: number;
  childCount: number;
  createdAt: string;
}

/** The workers of one page of pairs, with what a reviewer compares. */
export async function findDuplicateWorkers(
  db: Db,
  ids: string[],
): Promise<Map<string, DuplicateWorkerRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<DuplicateWorkerRow>(
    db,
    sql`SELECT w.id::text AS id, w.nik, w.full_name AS "fullName", w.sex, w.birth_place AS "birthPlace",
               w.birth_date::text AS "birthDate", w.village_code AS "villageCode",
               v.name AS "villageName", d.name AS "districtName", w.dusun,
               w.occupation_code::int AS "occupationCode", w.segment, w.life_status AS "lifeStatus",
               w.kk IS NOT NULL AS "hasKk", w.phone IS NOT NULL AS "hasPhone",
               w.kpj IS NOT NULL AS "hasKpj",
               (SELECT count(*)::int FROM worker_heir h WHERE h.worker_id = w.id) AS "heirCount",
               (SELECT count(*)::int FROM worker_child k WHERE k.worker_id = w.id) AS "childCount",
               to_char(w.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
        FROM worker w
        JOIN region v ON v.code = w.village_code
        JOIN region d ON d.code = left(w.village_code, 8)
        WHERE w.id = ANY(${sql.param(ids)}::uuid[])`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        ...r,
        occupationCode: Number(r.occupationCode),
        heirCount: Number(r.heirCount),
        childCount: Number(r.childCount),
      },
    ]),
  );
}

export async function findDecision(db: Db, a: string, b: string): Promise<DecisionRow | undefined> {
  const [row] = await db
    .select()
    .from(workerDuplicateDecision)
    .where(and(eq(workerDuplicateDecision.workerA, a), eq(workerDuplicateDecision.workerB, b)));
  return row;
}

export async function insertDecision(db: Db, row: NewDecisionRow): Promise<DecisionRow> {
  const [created] = await db.insert(workerDuplicateDecision).values(row).returning();
  return created!;
}

/** Heirs and children of `from` now belong to `to`; returns how many rows moved. */
export async function moveHeirsAndChildren(
  db: Db,
  from: string,
  to: string,
): Promise<{ heirs: number; children: number }> {
  const heirs = await db
    .update(workerHeir)
    .set({ workerId: to })
    .where(eq(workerHeir.workerId, from))
    .returning({ id: workerHeir.id });
  const children = await db
    .update(workerChild)
    .set({ workerId: to })
    .where(eq(workerChild.workerId, from))
    .returning({ id: workerChild.id });
  return { heirs: heirs.length, children: children.length };
}
