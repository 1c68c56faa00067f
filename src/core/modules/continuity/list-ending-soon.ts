import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { jakartaDate } from '../../context.ts';
import { can, requirePermission } from '../../access/require-permission.ts';
import { isWithinScope } from '../../access/scope.ts';
import { queryRows } from '../../db/client.ts';
import { regionPrefixMatch } from '../../db/region-scope.ts';
import { DomainError } from '../../errors.ts';
import { maskNik } from '../../rules/personal-data.ts';
import { parseOrThrow } from '../../validation.ts';
import { ContinuityQuery, type ContinuityList, type EndingWorker } from './continuity.schema.ts';
import { endingSoonFrom } from './continuity.repository.ts';

/** Workers listed by name at most; the counts per village and program are always complete. */
const MAX_WORKERS = 2_000;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Days from `today` to the last day of protection (0: it ends today). */
export const daysLeft = (today: string, endsOn: string) =>
  Math.round((Date.parse(endsOn) - Date.parse(today)) / 86_400_000);

function regionFilter(ctx: Ctx, region: string | undefined): SQL {
  const actor = ctx.actor;
  if (region) {
    if (!isWithinScope(actor, region))
      throw new DomainError('FORBIDDEN', 'Wilayah ini di luar cakupan akun Anda.', {
        regionCode: region,
      });
    return regionPrefixMatch(sql`e.village_code`, [region]);
  }
  if (actor.kind === 'system' || (actor.role === 'admin' && actor.scope.length === 0))
    return sql`true`;
  return regionPrefixMatch(sql`e.village_code`, actor.scope);
}

/**
 * The list's window and region, as the page asks for it: permission, the query checked, today in
 * Jakarta, the last day counted and the region condition (the actor's scope, or a region in it).
 * The page and its downloads share it.
 */
export function endingSoonQuery(ctx: Ctx, raw: ContinuityQuery) {
  requirePermission(ctx.actor, 'programs.read');
  const query = parseOrThrow(ContinuityQuery, raw, 'Parameter tidak valid.');
  const today = jakartaDate(ctx.now());
  return {
    query,
    today,
    until: addDays(today, query.days),
    where: regionFilter(ctx, query.region),
  };
}

/**
 * GET /api/continuity: the workers whose protection ends within N days (default 45) with no
 * following period, per village (NIK masked), and the programs they come from, each with its
 * renewal draft if there is one and whether the actor may renew it.
 */
export async function listEndingSoon(ctx: Ctx, raw: ContinuityQuery = {}): Promise<ContinuityList> {
  const { query, today, until, where } = endingSoonQuery(ctx, raw);
  const from = endingSoonFrom(where, today, until);
  const villages = await queryRows<{ code: string; name: string; district: string; count: number }>(
    ctx.db,
    sql`SELECT e.village_code AS code, coalesce(v.name, e.village_code) AS name,
          coalesce(d.name, '') AS district, count(*)::int AS count
        ${from}
        GROUP BY e.village_code, v.name, d.name ORDER BY e.village_code`,
  );
  const programs = await queryRows<{
    id: string;
    name: string;
    ownerRegion: string;
    lastMonth: string;
    count: number;
  }>(
    ctx.db,
    sql`SELECT p.id, p.name, p.owner_region AS "ownerRegion",
          to_char(p.last_month, 'YYYY-MM') AS "lastMonth", count(*)::int AS count
        ${from}
        GROUP BY p.id, p.name, p.owner_region, p.last_month ORDER BY p.last_month, p.name`,
  );
  const workers = await queryRows<Omit<EndingWorker, 'daysLeft'> & { villageCode: string }>(
    ctx.db,
    sql`SELECT e.id AS "enrollmentId", w.id AS "workerId", w.full_name AS name, w.nik,
          e.village_code AS "villageCode", p.id AS "programId", p.name AS "programName",
          to_char(e.last_month, 'YYYY-MM') AS "lastMonth",
          ((e.last_month + interval '1 month')::date - 1)::text AS "endsOn"
        ${from}
        ORDER BY e.village_code, w.name_key, e.id
        LIMIT ${MAX_WORKERS + 1}`,
  );
  const renewals = await renewalsOf(
    ctx,
    programs.map((p) => p.id),
  );
  const byVillage = new Map<string, EndingWorker[]>();
  for (const w of workers.slice(0, MAX_WORKERS)) {
    const list = byVillage.get(w.villageCode) ?? [];
    list.push({
      enrollmentId: w.enrollmentId,
      workerId: w.workerId,
      name: w.name,
      nik: maskNik(w.nik),
      programId: w.programId,
      programName: w.programName,
      lastMonth: w.lastMonth,
      endsOn: w.endsOn,
      daysLeft: daysLeft(today, w.endsOn),
    });
    byVillage.set(w.villageCode, list);
  }
  const mayRenew = can(ctx.actor, 'programs.manage');
  return {
    today,
    until,
    days: query.days,
    total: villages.reduce((n, v) => n + Number(v.count), 0),
    truncated: workers.length > MAX_WORKERS,
    villages: villages.map((v) => ({
      code: v.code,
      name: v.name,
      district: v.district,
      count: Number(v.count),
      workers: byVillage.get(v.code) ?? [],
    })),
    programs: programs.map((p) => {
      const renewal = renewals.get(p.id) ?? null;
      return {
        id: p.id,
        name: p.name,
        ownerRegion: p.ownerRegion,
        lastMonth: p.lastMonth,
        count: Number(p.count),
        renewal,
        canRenew: mayRenew && !renewal && isWithinScope(ctx.actor, p.ownerRegion),
      };
    }),
  };
}

/** The renewal drafts (or later) of these programs, by the program they follow. */
async function renewalsOf(ctx: Ctx, ids: string[]) {
  const out = new Map<string, { id: string; name: string; status: string }>();
  if (ids.length === 0) return out;
  const rows = await queryRows<{ id: string; name: string; status: string; previousId: string }>(
    ctx.db,
    sql`SELECT id, name, status, previous_id AS "previousId" FROM program
        WHERE previous_id = ANY(${sql.param(ids)}::uuid[])`,
  );
  for (const r of rows) out.set(r.previousId, { id: r.id, name: r.name, status: r.status });
  return out;
}
