import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { regionPrefixMatch } from '../../db/region-scope.ts';
import { program } from '../../db/schema/programs.ts';
import { region } from '../../db/schema/regions.ts';
import { FILLS_SEAT } from '../../rules/enrollment-status.ts';
import { ancestorCodesOf } from '../../rules/region-code.ts';
import type { ProgramStatus } from './program.schema.ts';

export type ProgramRow = typeof program.$inferSelect;

/** The regions an actor works in; null = everywhere (the system, a national administrator). */
export function scopesOf(actor: Actor): string[] | null {
  if (actor.kind === 'system' || (actor.role === 'admin' && actor.scope.length === 0)) return null;
  return actor.scope;
}

/** SQL twin of programVisible: owner region inside a scope, or above one (a province's program). */
function visibleWhere(scopes: string[] | null): SQL | undefined {
  if (scopes === null) return undefined;
  const above = [...new Set(scopes.flatMap(ancestorCodesOf))];
  return or(
    regionPrefixMatch(program.ownerRegion, scopes),
    above.length > 0 ? inArray(program.ownerRegion, above) : undefined,
  );
}

/** `column` inside the actor's scopes (always true when unscoped). */
export const inScopes = (column: SQL, scopes: string[] | null): SQL =>
  scopes === null ? sql`true` : regionPrefixMatch(column, scopes);

/** The program's owner region is the region, lies below it, or above it. */
function concerns(code: string): SQL | undefined {
  const above = ancestorCodesOf(code);
  return or(
    regionPrefixMatch(program.ownerRegion, [code]),
    above.length > 0 ? inArray(program.ownerRegion, above) : undefined,
  );
}

export const FILLING = [...FILLS_SEAT];

/** Seats and filled seats of a program inside the actor's scopes: two indexed aggregates. */
const seatsOf = (scopes: string[] | null) =>
  sql<number>`(SELECT coalesce(sum(a.seats), 0)::int FROM program_allocation a
    WHERE a.program_id = ${program.id} AND ${inScopes(sql`a.village_code`, scopes)})`;
const filledOf = (scopes: string[] | null) =>
  sql<number>`(SELECT count(*)::int FROM enrollment e
    WHERE e.program_id = ${program.id} AND e.status = ANY(${sql.param(FILLING)}::text[])
      AND ${inScopes(sql`e.village_code`, scopes)})`;

export interface ProgramFilter {
  scopes: string[] | null;
  status?: ProgramStatus | undefined;
  year?: number | undefined;
  region?: string | undefined;
}

export type ProgramListRow = ProgramRow & {
  ownerRegionName: string;
  seats: number;
  filled: number;
};

export async function listProgramRows(
  db: Db,
  f: ProgramFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ProgramListRow[]; total: number }> {
  const where = and(
    visibleWhere(f.scopes),
    f.status ? eq(program.status, f.status) : undefined,
    f.year ? eq(program.fiscalYear, f.year) : undefined,
    f.region ? concerns(f.region) : undefined,
  );
  const rows = await db
    .select({
      program,
      ownerRegionName: sql<string>`coalesce(${region.name}, ${program.ownerRegion})`,
      seats: seatsOf(f.scopes),
      filled: filledOf(f.scopes),
    })
    .from(program)
    .leftJoin(region, eq(region.code, program.ownerRegion))
    .where(where)
    .orderBy(desc(program.fiscalYear), desc(program.firstMonth), asc(program.name))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(program).where(where);
  return {
    rows: rows.map((r) => ({ ...r.program, ownerRegionName: r.ownerRegionName, ...nums(r) })),
    total: total?.n ?? 0,
  };
}

const nums = (r: { seats: number; filled: number }) => ({
  seats: Number(r.seats),
  filled: Number(r.filled),
});

/** Programs that follow this one (cohorts), visible to the actor. */
export async function listFollowers(db: Db, id: string, scopes: string[] | null) {
  return db
    .select({ id: program.id, name: program.name })
    .from(program)
    .where(and(eq(program.previousId, id), visibleWhere(scopes)))
    .orderBy(asc(program.firstMonth));
}

export interface RegionFacts {
  code: string;
  name: string;
  level: 'province' | 'regency' | 'district' | 'village';
  kind: string | null;
  retired: boolean;
}

/** Register rows of the codes given (unknown codes are simply absent). */
export async function findRegionFacts(db: Db, codes: readonly string[]): Promise<RegionFacts[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .select({
      code: region.code,
      name: region.name,
      level: region.level,
      kind: region.kind,
      retired: sql<boolean>`${region.retiredAt} IS NOT NULL`,
    })
    .from(region)
    .where(inArray(region.code, [...codes]));
  return rows;
}

/** Villages in force of the region of the kinds given. */
export async function countVillages(
  db: Db,
  code: string,
  kinds: readonly string[],
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM region
      WHERE ${regionPrefixMatch(region.code, [code])} AND level = 'village'
        AND retired_at IS NULL AND kind = ANY(${sql.param([...kinds])}::text[])`,
  );
  return Number(row?.n ?? 0);
}
