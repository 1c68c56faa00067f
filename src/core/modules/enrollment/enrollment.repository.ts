import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { escapeLike, regionPrefixMatch } from '../../db/region-scope.ts';
import { enrollment, program, programAllocation } from '../../db/schema/programs.ts';
import { region } from '../../db/schema/regions.ts';
import { worker } from '../../db/schema/workers.ts';
import {
  FILLS_SEAT,
  OUT_OF_THE_RUNNING,
  type EnrollmentStatus,
} from '../../rules/enrollment-status.ts';
import { isUuid } from '../../db/uuid.ts';

export type EnrollmentRow = typeof enrollment.$inferSelect;
export type NewEnrollmentRow = typeof enrollment.$inferInsert;
export type WorkerRow = typeof worker.$inferSelect;
/** A worker with the kind of the village it lives in (desa, kelurahan, desa adat). */
export type WorkerWithVillage = WorkerRow & { villageKind: string | null };

const FILLING = [...FILLS_SEAT];
const OUT = [...OUT_OF_THE_RUNNING];

export async function findVillage(db: Db, code: string) {
  const [row] = await db
    .select({ code: region.code, name: region.name, kind: region.kind, level: region.level })
    .from(region)
    .where(eq(region.code, code));
  return row;
}

/**
 * Seats of the village in the program (null: the village has none), and the most of them taken
 * in any month of the period asked: a seat is taken in a month when an enrollment still in the
 * running covers it, an ended one included until its last month (a worker who moves away in
 * September holds the seat until then). The allocation row is locked until the transaction ends,
 * so that proposals (propose-enrollments.ts) and replacements (continuity) for the last seat queue
 * there and the count stays exact.
 */
export async function lockVillageSeats(
  db: Db,
  programId: string,
  villageCode: string,
  period: { firstMonth: string; lastMonth: string },
): Promise<{ seats: number | null; filled: number }> {
  const [alloc] = await db
    .select({ seats: programAllocation.seats })
    .from(programAllocation)
    .where(
      and(
        eq(programAllocation.programId, programId),
        eq(programAllocation.villageCode, villageCode),
      ),
    )
    .for('update');
  return {
    seats: alloc?.seats ?? null,
    filled: await seatsTaken(db, programId, villageCode, period),
  };
}

export async function findAllocation(db: Db, programId: string, villageCode: string) {
  const [row] = await db
    .select({ seats: programAllocation.seats })
    .from(programAllocation)
    .where(
      and(
        eq(programAllocation.programId, programId),
        eq(programAllocation.villageCode, villageCode),
      ),
    );
  return row;
}

/**
 * The most seats of the village taken in any month of the period: a seat is taken in a month when
 * an enrollment still in the running covers it, an ended one included until its last month, so a
 * seat freed from September and its replacement count once, and a worker leaving in September
 * holds the seat until then.
 */
export async function seatsTaken(
  db: Db,
  programId: string,
  villageCode: string,
  period: { firstMonth: string; lastMonth: string },
): Promise<number> {
  const [row] = await queryRows<{ filled: number }>(
    db,
    sql`SELECT coalesce(max(t.n), 0)::int AS filled FROM (
          SELECT m.month, count(e.id) AS n
          FROM generate_series(${period.firstMonth}::date, ${period.lastMonth}::date,
            interval '1 month') AS m(month)
          LEFT JOIN enrollment e ON e.program_id = ${programId}
            AND e.village_code = ${villageCode}
            AND e.status NOT IN ('returned', 'rejected', 'withdrawn')
            AND e.months @> m.month::date
          GROUP BY m.month) t`,
  );
  return Number(row?.filled ?? 0);
}

function workersWhere(where: SQL) {
  return (db: Db) =>
    db
      .select({ w: worker, villageKind: region.kind })
      .from(worker)
      .innerJoin(region, eq(region.code, worker.villageCode))
      .where(where);
}

export async function findWorkersByNiks(db: Db, niks: string[]): Promise<WorkerWithVillage[]> {
  if (niks.length === 0) return [];
  const rows = await workersWhere(inArray(worker.nik, niks))(db);
  return rows.map((r) => ({ ...r.w, villageKind: r.villageKind }));
}

export async function findWorkersByIds(db: Db, ids: string[]): Promise<WorkerWithVillage[]> {
  const valid = ids.filter((id) => isUuid(id));
  if (valid.length === 0) return [];
  const rows = await workersWhere(inArray(worker.id, valid))(db);
  return rows.map((r) => ({ ...r.w, villageKind: r.villageKind }));
}

/** The village's workers (merged records left out: they are history, not people). */
export async function villageWorkers(db: Db, villageCode: string): Promise<WorkerWithVillage[]> {
  const rows = await workersWhere(
    and(eq(worker.villageCode, villageCode), sql`${worker.mergedInto} IS NULL`)!,
  )(db);
  return rows.map((r) => ({ ...r.w, villageKind: r.villageKind }));
}

/** Each worker's seat in this program that still counts (proposed … active), by worker id. */
export async function seatsInProgram(
  db: Db,
  programId: string,
  workerIds: string[],
): Promise<Map<string, EnrollmentStatus>> {
  if (workerIds.length === 0) return new Map();
  const rows = await db
    .select({ workerId: enrollment.workerId, status: enrollment.status })
    .from(enrollment)
    .where(
      and(
        eq(enrollment.programId, programId),
        inArray(enrollment.workerId, workerIds),
        inArray(enrollment.status, FILLING),
      ),
    );
  return new Map(rows.map((r) => [r.workerId, r.status]));
}

export interface Overlap {
  programName: string;
  firstMonth: string;
  lastMonth: string;
}

/**
 * Seats of these workers in any program whose months meet [firstMonth, lastMonth]: what the
 * database's exclusion constraint would refuse (DOMAIN: one seat at a time).
 */
export async function overlappingSeats(
  db: Db,
  workerIds: string[],
  firstMonth: string,
  lastMonth: string,
): Promise<Map<string, Overlap>> {
  if (workerIds.length === 0) return new Map();
  // one array parameter: a province's renewal asks for tens of thousands of workers at once
  const rows = await queryRows<Overlap & { workerId: string }>(
    db,
    sql`SELECT DISTINCT ON (e.worker_id) e.worker_id AS "workerId", p.name AS "programName",
          e.first_month::text AS "firstMonth", e.last_month::text AS "lastMonth"
        FROM enrollment e JOIN program p ON p.id = e.program_id
        WHERE e.worker_id = ANY(${sql.param(workerIds)}::uuid[])
          AND e.status <> ALL(${sql.param(OUT)}::text[])
          AND e.months && daterange(${firstMonth}::date, (${lastMonth}::date + interval '1 month')::date, '[)')
        ORDER BY e.worker_id, e.first_month`,
  );
  return new Map(rows.map(({ workerId, ...overlap }) => [workerId, overlap]));
}

/**
 * Inserts seats in one statement; a row the no-double-funding exclusion constraint refuses
 * (another program holds the worker's months, committed meanwhile) is skipped, not an error.
 * Returns the rows inserted.
 */
export async function insertSeatsOrSkip(db: Db, rows: NewEnrollmentRow[]) {
  if (rows.length === 0) return [];
  return db.insert(enrollment).values(rows).onConflictDoNothing().returning({
    id: enrollment.id,
    workerId: enrollment.workerId,
    villageCode: enrollment.villageCode,
    status: enrollment.status,
    firstMonth: enrollment.firstMonth,
    lastMonth: enrollment.lastMonth,
  });
}

/**
 * The enrollments to take a step on, locked, with what the step needs to know. Their programs
 * are locked FOR SHARE first: closing a program (FOR UPDATE) waits for the step, or the step sees
 * the program closed.
 */
export async function lockEnrollments(db: Db, ids: string[]) {
  const valid = ids.filter((id) => isUuid(id));
  if (valid.length === 0) return [];
  await db
    .select({ id: program.id })
    .from(program)
    .where(
      inArray(
        program.id,
        db
          .selectDistinct({ id: enrollment.programId })
          .from(enrollment)
          .where(inArray(enrollment.id, valid)),
      ),
    )
    .orderBy(asc(program.id))
    .for('share');
  return db
    .select({
      e: enrollment,
      fullName: worker.fullName,
      nik: worker.nik,
      ownerRegion: program.ownerRegion,
      districtStep: program.districtStep,
      programStatus: program.status,
    })
    .from(enrollment)
    .innerJoin(worker, eq(worker.id, enrollment.workerId))
    .innerJoin(program, eq(program.id, enrollment.programId))
    .where(inArray(enrollment.id, valid))
    .orderBy(asc(enrollment.id))
    .for('update', { of: enrollment });
}

/** One step on many enrollments: one statement. */
export async function setEnrollmentStatus(
  db: Db,
  ids: string[],
  status: EnrollmentStatus,
  reason: string | null,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(enrollment)
    .set({ status, reason, updatedAt: sql`now()` })
    .where(inArray(enrollment.id, ids));
}

export interface EnrollmentFilter {
  programId: string;
  /** Region prefixes the actor may see; null = the whole country. */
  scopes: string[] | null;
  status?: EnrollmentStatus;
  village?: string;
  region?: string;
  nik?: string;
  nameLike?: string;
}

/** Everything but the status: the counts per status use it. */
function placeWhere(
  f: EnrollmentFilter,
  column: typeof enrollment.villageCode | typeof programAllocation.villageCode,
) {
  const conds: SQL[] = [];
  if (f.scopes !== null) conds.push(regionPrefixMatch(column, f.scopes));
  if (f.village) conds.push(eq(column, f.village));
  if (f.region) conds.push(regionPrefixMatch(column, [f.region]));
  return conds;
}

function listWhere(f: EnrollmentFilter, withStatus: boolean): SQL {
  const conds = [eq(enrollment.programId, f.programId), ...placeWhere(f, enrollment.villageCode)];
  if (withStatus && f.status) conds.push(eq(enrollment.status, f.status));
  if (f.nik) conds.push(eq(worker.nik, f.nik));
  if (f.nameLike) conds.push(sql`${worker.nameKey} LIKE ${`%${escapeLike(f.nameLike)}%`}`);
  return and(...conds)!;
}

export async function listEnrollmentRows(
  db: Db,
  f: EnrollmentFilter,
  page: { limit: number; offset: number },
) {
  const where = listWhere(f, true);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(enrollment)
    .innerJoin(worker, eq(worker.id, enrollment.workerId))
    .where(where);
  const rows = await db
    .select({
      e: enrollment,
      fullName: worker.fullName,
      nik: worker.nik,
      openWarnings: worker.openWarnings,
      villageName: region.name,
      proposedByName: sql<string>`coalesce((SELECT u.display_name FROM app_user u
        WHERE u.id = ${enrollment.proposedById}), ${enrollment.proposedBy})`,
      replacedBy: sql<string | null>`(SELECT rw.full_name FROM enrollment r
        JOIN worker rw ON rw.id = r.worker_id
        WHERE r.replaces_id = ${enrollment.id} AND r.status NOT IN ('returned', 'rejected', 'withdrawn')
        LIMIT 1)`,
      districtName: sql<string>`(SELECT d.name FROM region d WHERE d.code = left(${enrollment.villageCode}, 8))`,
    })
    .from(enrollment)
    .innerJoin(worker, eq(worker.id, enrollment.workerId))
    .innerJoin(region, eq(region.code, enrollment.villageCode))
    .where(where)
    .orderBy(asc(enrollment.villageCode), asc(worker.nameKey), asc(enrollment.id))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: Number(count?.n ?? 0) };
}

export interface EnrollmentCursor {
  villageCode: string;
  nameKey: string;
  id: string;
}

/**
 * The filter's enrollments in the list's order (village, name), a batch at a time after a
 * cursor: keyset paging, so that the ten-thousandth batch costs what the first did.
 */
export async function enrollmentBatch(
  db: Db,
  f: EnrollmentFilter,
  after: EnrollmentCursor | null,
  limit: number,
) {
  const where = listWhere(f, true);
  const rows = await db
    .select({
      e: enrollment,
      fullName: worker.fullName,
      nik: worker.nik,
      sex: worker.sex,
      nameKey: worker.nameKey,
      villageName: region.name,
      districtName: sql<string>`(SELECT d.name FROM region d WHERE d.code = left(${enrollment.villageCode}, 8))`,
    })
    .from(enrollment)
    .innerJoin(worker, eq(worker.id, enrollment.workerId))
    .innerJoin(region, eq(region.code, enrollment.villageCode))
    .where(
      after
        ? and(
            where,
            sql`(${enrollment.villageCode}, ${worker.nameKey}, ${enrollment.id}) > (${after.villageCode}, ${after.nameKey}, ${after.id}::uuid)`,
          )
        : where,
    )
    .orderBy(asc(enrollment.villageCode), asc(worker.nameKey), asc(enrollment.id))
    .limit(limit);
  const last = rows.at(-1);
  return {
    rows,
    next:
      rows.length === limit && last
        ? { villageCode: last.e.villageCode, nameKey: last.nameKey, id: last.e.id }
        : null,
  };
}

/** Enrollments per status in the filter's places (the status filter left out). */
export async function countByStatus(db: Db, f: EnrollmentFilter): Promise<Record<string, number>> {
  const needsWorker = Boolean(f.nik || f.nameLike);
  const base = db
    .select({ status: enrollment.status, n: sql<number>`count(*)::int` })
    .from(enrollment);
  const rows = await (
    needsWorker ? base.innerJoin(worker, eq(worker.id, enrollment.workerId)) : base
  )
    .where(listWhere(f, false))
    .groupBy(enrollment.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Seats of the program in the filter's places (a roll-up of the village allocations). */
export async function seatsIn(db: Db, f: EnrollmentFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${programAllocation.seats}), 0)::int` })
    .from(programAllocation)
    .where(
      and(
        eq(programAllocation.programId, f.programId),
        ...placeWhere(f, programAllocation.villageCode),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Per program: seats and enrollments per status inside the scopes (the overview page). */
export async function overviewCounts(db: Db, programIds: string[], scopes: string[] | null) {
  if (programIds.length === 0) return { seats: new Map<string, number>(), counts: [] };
  const seatRows = await db
    .select({
      programId: programAllocation.programId,
      n: sql<number>`sum(${programAllocation.seats})::int`,
    })
    .from(programAllocation)
    .where(
      and(
        inArray(programAllocation.programId, programIds),
        scopes === null ? undefined : regionPrefixMatch(programAllocation.villageCode, scopes),
      ),
    )
    .groupBy(programAllocation.programId);
  const counts = await db
    .select({
      programId: enrollment.programId,
      status: enrollment.status,
      n: sql<number>`count(*)::int`,
    })
    .from(enrollment)
    .where(
      and(
        inArray(enrollment.programId, programIds),
        scopes === null ? undefined : regionPrefixMatch(enrollment.villageCode, scopes),
      ),
    )
    .groupBy(enrollment.programId, enrollment.status);
  return {
    seats: new Map(seatRows.map((r) => [r.programId, Number(r.n)])),
    counts: counts.map((c) => ({ ...c, n: Number(c.n) })),
  };
}

export async function activePrograms(db: Db) {
  return db
    .select()
    .from(program)
    .where(inArray(program.status, ['active']))
    .orderBy(asc(program.firstMonth), asc(program.name));
}
