import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { enrollment, program, programAllocation } from '../../db/schema/programs.ts';
import { region } from '../../db/schema/regions.ts';
import { worker } from '../../db/schema/workers.ts';
import { DomainError } from '../../errors.ts';
import { isUuid } from '../../db/uuid.ts';

export type EnrollmentRow = typeof enrollment.$inferSelect;
type ProgramRecord = typeof program.$inferSelect;

export async function lockEnrollment(tx: Db, id: string): Promise<EnrollmentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx.select().from(enrollment).where(eq(enrollment.id, id)).for('update');
  return row;
}

/** What the worker's record says of a death or a move (the life status, issue #4). */
export async function workerLife(db: Db, workerId: string) {
  const [row] = await db
    .select({ deathDate: worker.deathDate, movedDate: worker.movedDate })
    .from(worker)
    .where(eq(worker.id, workerId));
  return row;
}

export async function workerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: worker.id, name: worker.fullName })
    .from(worker)
    .where(inArray(worker.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The no-double-funding constraint refused a seat (SQLSTATE 23P01). */
export { isExclusionViolation as isDoubleFunding } from '../../db/sql-state.ts';

export function doubleFundingError(programName?: string): DomainError {
  const message = programName
    ? `Pekerja ini sudah didanai program "${programName}" pada bulan yang sama: satu pekerja hanya satu kursi per bulan.`
    : 'Pekerja ini sudah didanai program lain pada bulan yang sama: satu pekerja hanya satu kursi per bulan.';
  return new DomainError('CONFLICT', message, { issues: [{ path: 'nik', message }] });
}

/**
 * The program row share-locked for the transaction: it cannot be closed meanwhile, while
 * proposals (whose enrollment inserts take a key-share lock on it) go on. FOR UPDATE here would
 * deadlock with a proposal holding the village's allocation row and waiting to insert.
 */
export async function shareLockProgram(db: Db, id: string): Promise<ProgramRecord | undefined> {
  const [row] = await db.select().from(program).where(eq(program.id, id)).for('share');
  return row;
}

export async function findRenewal(db: Db, programId: string) {
  const [row] = await db
    .select({ id: program.id, name: program.name, status: program.status })
    .from(program)
    .where(eq(program.previousId, programId))
    .limit(1);
  return row;
}

export type WorkerWithKind = typeof worker.$inferSelect & { villageKind: string | null };

/**
 * Workers with the kind of their village (desa, kelurahan, desa adat), for the eligibility rules.
 * The ids or NIKs go as one array parameter: a province renewal names 78,000 workers, more than
 * the 65,535 parameters a statement may have.
 */
export async function workersWithKind(
  db: Db,
  by: { niks: string[] } | { ids: string[] },
): Promise<WorkerWithKind[]> {
  const where =
    'niks' in by
      ? sql`${worker.nik} = ANY(${sql.param(by.niks)}::text[])`
      : sql`${worker.id} = ANY(${sql.param(by.ids)}::uuid[])`;
  const rows = await db
    .select({ w: worker, kind: region.kind })
    .from(worker)
    .leftJoin(region, eq(region.code, worker.villageCode))
    .where(where);
  return rows.map((r) => ({ ...r.w, villageKind: r.kind ?? null }));
}

/** The live replacement of an ended enrollment, if any. */
export async function findReplacement(db: Db, endedId: string) {
  const [row] = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT e.id, w.full_name AS name FROM enrollment e JOIN worker w ON w.id = e.worker_id
        WHERE e.replaces_id = ${endedId} AND e.status NOT IN ('returned', 'rejected', 'withdrawn')
        LIMIT 1`,
  );
  return row;
}

/** Workers of a program who hold a seat at its end (approved, sent to BPJS, or active). */
export async function seatedWorkerIds(db: Db, programId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT DISTINCT worker_id AS id FROM enrollment
        WHERE program_id = ${programId} AND status IN ('approved', 'sent', 'active')`,
  );
  return rows.map((r) => r.id);
}

/**
 * The renewal's proposals, one set-based INSERT (a province renewal is tens of thousands of rows);
 * the number inserted.
 */
export async function insertProposals(
  db: Db,
  values: {
    programId: string;
    workers: { id: string; villageCode: string }[];
    firstMonth: string;
    lastMonth: string;
    proposedBy: string;
    proposedById: string | null;
  },
): Promise<number> {
  if (values.workers.length === 0) return 0;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`WITH ins AS (
          INSERT INTO enrollment (program_id, worker_id, village_code, status, first_month,
            last_month, proposed_by, proposed_by_id)
          SELECT ${values.programId}::uuid, u.worker_id, u.village_code, 'proposed',
            ${values.firstMonth}::date, ${values.lastMonth}::date, ${values.proposedBy},
            ${values.proposedById}::uuid
          FROM unnest(${sql.param(values.workers.map((w) => w.id))}::uuid[],
            ${sql.param(values.workers.map((w) => w.villageCode))}::text[]) AS u(worker_id, village_code)
          RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function copyAllocations(db: Db, fromId: string, toId: string): Promise<void> {
  await db.execute(
    sql`INSERT INTO program_allocation (program_id, village_code, seats)
        SELECT ${toId}::uuid, village_code, seats FROM program_allocation WHERE program_id = ${fromId}`,
  );
}

export async function allocationSeats(db: Db, programId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ village: programAllocation.villageCode, seats: programAllocation.seats })
    .from(programAllocation)
    .where(eq(programAllocation.programId, programId));
  return new Map(rows.map((r) => [r.village, r.seats]));
}

/**
 * Active seats whose protection ends (the last day of their last month) between `today` and
 * `until`, in the region `where` (on `e.village_code`), for a worker still alive, with no approved
 * (or later) seat starting the month right after: the gap DOMAIN §8 warns of, before it happens.
 * The FROM and WHERE of the list, its counts and its export.
 */
export function endingSoonFrom(where: SQL, today: string, until: string): SQL {
  return sql`FROM enrollment e
    JOIN worker w ON w.id = e.worker_id
    JOIN program p ON p.id = e.program_id
    LEFT JOIN region v ON v.code = e.village_code
    LEFT JOIN region d ON d.code = left(e.village_code, 8)
    WHERE e.status = 'active' AND w.life_status = 'alive' AND w.merged_into IS NULL
      AND ((e.last_month + interval '1 month')::date - 1) BETWEEN ${today}::date AND ${until}::date
      AND ${where}
      AND NOT EXISTS (
        SELECT 1 FROM enrollment f
        WHERE f.worker_id = e.worker_id AND f.status IN ('approved', 'sent', 'active')
          AND f.first_month = (e.last_month + interval '1 month')::date)`;
}

/** Workers of the list per village, in village order. */
export async function endingSoonPerVillage(
  db: Db,
  where: SQL,
  today: string,
  until: string,
): Promise<{ code: string; count: number }[]> {
  const rows = await queryRows<{ code: string; count: number }>(
    db,
    sql`SELECT e.village_code AS code, count(*)::int AS count
        ${endingSoonFrom(where, today, until)}
        GROUP BY e.village_code ORDER BY e.village_code`,
  );
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
}

/** Where a batch of the list stopped: village, last month of the seat, name, enrollment. */
export interface EndingSoonCursor {
  villageCode: string;
  lastMonth: string;
  nameKey: string;
  id: string;
}

export interface EndingSoonRow {
  id: string;
  name: string;
  nik: string;
  nameKey: string;
  villageCode: string;
  villageName: string;
  districtName: string;
  programName: string;
  /** YYYY-MM-DD, the first day of the seat's last month. */
  lastMonth: string;
  /** YYYY-MM-DD, the last day of protection. */
  endsOn: string;
}

/**
 * One batch of the list in print order (village, end date, name) in some of its villages, after
 * `after`: a keyset page. The caller reads a few villages at a time (about one batch of rows), so
 * each query reads those villages through the village index instead of sorting the rest of a
 * province's list again for every batch.
 */
export async function endingSoonBatch(
  db: Db,
  q: { where: SQL; today: string; until: string; villages: readonly string[] },
  after: EndingSoonCursor | null,
  limit: number,
): Promise<{ rows: EndingSoonRow[]; next: EndingSoonCursor | null }> {
  const keyset = after
    ? sql`(e.village_code, e.last_month, w.name_key, e.id)
          > (${after.villageCode}, ${after.lastMonth}::date, ${after.nameKey}, ${after.id}::uuid)`
    : sql`true`;
  const villages = sql`e.village_code = ANY(${sql.param([...q.villages])}::text[])`;
  const rows = await queryRows<EndingSoonRow>(
    db,
    sql`SELECT e.id, w.full_name AS name, w.nik, w.name_key AS "nameKey",
          e.village_code AS "villageCode", coalesce(v.name, e.village_code) AS "villageName",
          coalesce(d.name, '') AS "districtName", p.name AS "programName",
          e.last_month::text AS "lastMonth",
          ((e.last_month + interval '1 month')::date - 1)::text AS "endsOn"
        ${endingSoonFrom(sql`(${q.where}) AND ${villages} AND (${keyset})`, q.today, q.until)}
        ORDER BY e.village_code, e.last_month, w.name_key, e.id
        LIMIT ${limit}`,
  );
  const last = rows.at(-1);
  return {
    rows,
    next:
      rows.length === limit && last
        ? {
            villageCode: last.villageCode,
            lastMonth: last.lastMonth,
            nameKey: last.nameKey,
            id: last.id,
          }
        : null,
  };
}

/** The regions named and the regions above them (district, regency, province), for a heading. */
export async function regionsWithParents(db: Db, codes: readonly string[]) {
  const all = new Set<string>();
  for (const code of codes) {
    const parts = code.split('.');
    for (let i = 1; i <= parts.length; i += 1) all.add(parts.slice(0, i).join('.'));
  }
  if (all.size === 0) return [];
  return db
    .select({ code: region.code, name: region.name, level: region.level, kind: region.kind })
    .from(region)
    .where(inArray(region.code, [...all]));
}
