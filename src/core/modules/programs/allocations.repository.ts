import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { escapeLike, regionPrefixMatch } from '../../db/region-scope.ts';
import { enrollment, programAllocation } from '../../db/schema/programs.ts';
import { region } from '../../db/schema/regions.ts';
import { FILLING, inScopes } from './programs.repository.ts';

/** Seats, villages with seats and filled seats of one program inside the actor's scopes. */
export async function allocationTotals(
  db: Db,
  programId: string,
  scopes: string[] | null,
): Promise<{ seats: number; villages: number; filled: number }> {
  const [row] = await queryRows<{ seats: number; villages: number; filled: number }>(
    db,
    sql`SELECT
      (SELECT coalesce(sum(seats), 0)::int FROM program_allocation
        WHERE program_id = ${programId} AND ${inScopes(sql`village_code`, scopes)}) AS seats,
      (SELECT count(*)::int FROM program_allocation
        WHERE program_id = ${programId} AND seats > 0 AND ${inScopes(sql`village_code`, scopes)}) AS villages,
      (SELECT count(*)::int FROM enrollment
        WHERE program_id = ${programId} AND status = ANY(${sql.param(FILLING)}::text[])
          AND ${inScopes(sql`village_code`, scopes)}) AS filled`,
  );
  return {
    seats: Number(row!.seats),
    villages: Number(row!.villages),
    filled: Number(row!.filled),
  };
}

/**
 * The same seats for every village in force of the owner region of the chosen kinds, in one
 * INSERT … SELECT over the register (8,500 villages of a province in one statement).
 */
export async function deriveAllocations(
  tx: Db,
  programId: string,
  ownerRegion: string,
  kinds: readonly string[],
  seats: number,
): Promise<void> {
  await tx.delete(programAllocation).where(eq(programAllocation.programId, programId));
  await tx.execute(sql`
    INSERT INTO program_allocation (program_id, village_code, seats)
    SELECT ${programId}, code, ${seats} FROM region
    WHERE ${regionPrefixMatch(region.code, [ownerRegion])} AND level = 'village'
      AND retired_at IS NULL AND kind = ANY(${sql.param([...kinds])}::text[])`);
}

/** Removes the seats of villages no longer in the owner region or not of the chosen kinds. */
export async function pruneAllocations(
  tx: Db,
  programId: string,
  ownerRegion: string,
  kinds: readonly string[],
): Promise<void> {
  await tx.execute(sql`
    DELETE FROM program_allocation a WHERE a.program_id = ${programId} AND NOT EXISTS (
      SELECT 1 FROM region WHERE region.code = a.village_code
        AND ${regionPrefixMatch(region.code, [ownerRegion])}
        AND region.kind = ANY(${sql.param([...kinds])}::text[]))`);
}

/** Sets the seats of the villages given (0 removes a village's seats); others stay. */
export async function putAllocations(
  tx: Db,
  programId: string,
  entries: readonly { villageCode: string; seats: number }[],
): Promise<void> {
  const zero = entries.filter((e) => e.seats === 0).map((e) => e.villageCode);
  const set = entries.filter((e) => e.seats > 0);
  if (zero.length > 0) {
    await tx
      .delete(programAllocation)
      .where(
        and(
          eq(programAllocation.programId, programId),
          inArray(programAllocation.villageCode, zero),
        ),
      );
  }
  for (let i = 0; i < set.length; i += 1000) {
    await tx
      .insert(programAllocation)
      .values(set.slice(i, i + 1000).map((e) => ({ programId, ...e })))
      .onConflictDoUpdate({
        target: [programAllocation.programId, programAllocation.villageCode],
        set: { seats: sql`excluded.seats` },
      });
  }
}

/** Code length of the children of a region: province 15 → 15.08 → 15.08.01 → 15.08.01.2001. */
const CHILD = {
  province: { level: 'regency', length: 5 },
  regency: { level: 'district', length: 8 },
  district: { level: 'village', length: 13 },
} as const;

export interface RollupRow {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district' | 'village';
  kind: string | null;
  retired: boolean;
  seats: number;
  filled: number;
}

/**
 * Seats and filled seats of a region and of each of its children, set-based: one GROUP BY on the
 * code prefix of the allocations and one of the enrollments (prefix range scans on the
 * (program, village) indexes), joined to the children in the register. Children retired from the
 * register appear only when they still hold seats.
 */
export async function rollupAllocations(
  db: Db,
  programId: string,
  code: string,
  level: RollupRow['level'],
): Promise<{ seats: number; filled: number; villages: number; children: RollupRow[] }> {
  const below = `${escapeLike(code)}.%`;
  const [own] = await queryRows<{ seats: number; filled: number; villages: number }>(
    db,
    sql`SELECT
      (SELECT coalesce(sum(seats), 0)::int FROM program_allocation
        WHERE program_id = ${programId} AND (village_code = ${code} OR village_code LIKE ${below})) AS seats,
      (SELECT count(*)::int FROM program_allocation
        WHERE program_id = ${programId} AND seats > 0
          AND (village_code = ${code} OR village_code LIKE ${below})) AS villages,
      (SELECT count(*)::int FROM enrollment
        WHERE program_id = ${programId} AND status = ANY(${sql.param(FILLING)}::text[])
          AND (village_code = ${code} OR village_code LIKE ${below})) AS filled`,
  );
  const totals = {
    seats: Number(own!.seats),
    filled: Number(own!.filled),
    villages: Number(own!.villages),
  };
  if (level === 'village') return { ...totals, children: [] };
  const child = CHILD[level];
  const rows = await queryRows<RollupRow>(
    db,
    sql`WITH seats AS (
        SELECT substr(village_code, 1, ${child.length}) AS code, sum(seats)::int AS seats
        FROM program_allocation WHERE program_id = ${programId} AND village_code LIKE ${below}
        GROUP BY 1
      ), filled AS (
        SELECT substr(village_code, 1, ${child.length}) AS code, count(*)::int AS filled
        FROM enrollment
        WHERE program_id = ${programId} AND village_code LIKE ${below}
          AND status = ANY(${sql.param(FILLING)}::text[])
        GROUP BY 1
      )
      SELECT r.code, r.name, r.level, r.kind, r.retired_at IS NOT NULL AS retired,
        coalesce(s.seats, 0)::int AS seats, coalesce(f.filled, 0)::int AS filled
      FROM region r
      LEFT JOIN seats s ON s.code = r.code
      LEFT JOIN filled f ON f.code = r.code
      WHERE r.code LIKE ${below} AND r.level = ${child.level}
        AND (r.retired_at IS NULL OR s.code IS NOT NULL OR f.code IS NOT NULL)
      ORDER BY r.code`,
  );
  return {
    ...totals,
    children: rows.map((r) => ({ ...r, seats: Number(r.seats), filled: Number(r.filled) })),
  };
}

/** Proposals of the program still on their way to BPJS, per status (closing waits for them). */
export async function pendingProposals(db: Db, programId: string) {
  const rows = await db
    .select({ status: enrollment.status, n: sql<number>`count(*)::int` })
    .from(enrollment)
    .where(
      and(
        eq(enrollment.programId, programId),
        inArray(enrollment.status, ['proposed', 'verified', 'approved']),
      ),
    )
    .groupBy(enrollment.status);
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { proposed: n('proposed'), verified: n('verified'), approved: n('approved') };
}

export interface VillageSeatsRow {
  code: string;
  name: string;
  kind: string | null;
  districtName: string | null;
  regencyName: string | null;
  seats: number;
  filled: number;
}

/**
 * Every village of the program at or below `code` that has seats or filled seats, with its
 * district and regency, in code order: the recap an office prints (one statement; a province has
 * about 8,500 villages).
 */
export async function villageSeats(
  db: Db,
  programId: string,
  code: string,
): Promise<VillageSeatsRow[]> {
  const below = `${escapeLike(code)}.%`;
  const rows = await queryRows<VillageSeatsRow>(
    db,
    sql`WITH seats AS (
        SELECT village_code AS code, seats FROM program_allocation
        WHERE program_id = ${programId} AND (village_code = ${code} OR village_code LIKE ${below})
      ), filled AS (
        SELECT village_code AS code, count(*)::int AS filled FROM enrollment
        WHERE program_id = ${programId} AND (village_code = ${code} OR village_code LIKE ${below})
          AND status = ANY(${sql.param(FILLING)}::text[])
        GROUP BY 1
      ), villages AS (
        SELECT coalesce(s.code, f.code) AS code, coalesce(s.seats, 0)::int AS seats,
          coalesce(f.filled, 0)::int AS filled
        FROM seats s FULL JOIN filled f ON f.code = s.code
        WHERE coalesce(s.seats, 0) > 0 OR coalesce(f.filled, 0) > 0
      )
      SELECT v.code, r.name, r.kind, d.name AS "districtName", k.name AS "regencyName",
        v.seats, v.filled
      FROM villages v
      JOIN region r ON r.code = v.code
      LEFT JOIN region d ON d.code = substr(v.code, 1, 8)
      LEFT JOIN region k ON k.code = substr(v.code, 1, 5)
      ORDER BY v.code`,
  );
  return rows.map((r) => ({ ...r, seats: Number(r.seats), filled: Number(r.filled) }));
}
