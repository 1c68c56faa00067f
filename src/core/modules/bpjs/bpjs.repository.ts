import { and, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { regionPrefixMatch } from '../../db/region-scope.ts';
import { appUser } from '../../db/schema/accounts.ts';
import {
  bpjsBatch,
  bpjsResultImport,
  bpjsResultRow,
  enrollment,
  program,
} from '../../db/schema/programs.ts';
import type { EnrollmentStatus } from '../../rules/enrollment-status.ts';
import type { ResultOutcome } from './bpjs.schema.ts';
import { isUuid } from '../../db/uuid.ts';

export type BatchRecord = typeof bpjsBatch.$inferSelect;

export type ResultImportRecord = typeof bpjsResultImport.$inferSelect;

/** The actor's region codes; null = no limit (the system, a national admin). */
export function actorScopes(actor: Actor): string[] | null {
  if (actor.kind === 'system') return null;
  if (actor.role === 'admin' && actor.scope.length === 0) return null;
  return actor.scope;
}

/** `column` lies in the actor's scope (prefix match), or true when the actor has no limit. */
export function inActorScope(actor: Actor, column: Parameters<typeof regionPrefixMatch>[0]): SQL {
  const scopes = actorScopes(actor);
  return scopes === null ? sql`true` : regionPrefixMatch(column, scopes);
}

/**
 * The program's status, the row share-locked until the transaction ends: closing the program
 * waits for the export (FOR SHARE, not FOR UPDATE, so that proposals inserting enrollments, whose
 * foreign key takes a key-share lock on the program, are not held up).
 */
export async function programStatusShared(tx: Db, programId: string) {
  const [row] = await tx
    .select({ status: program.status })
    .from(program)
    .where(eq(program.id, programId))
    .for('share');
  return row?.status;
}

/** Approved enrollments of the program in the region become `sent` in the batch; their ids. */
export async function markBatchSent(
  tx: Db,
  programId: string,
  regionCode: string,
  batchId: string,
): Promise<string[]> {
  const rows = await tx
    .update(enrollment)
    .set({ status: 'sent', batchId, updatedAt: sql`now()` })
    .where(
      and(
        eq(enrollment.programId, programId),
        eq(enrollment.status, 'approved'),
        regionPrefixMatch(enrollment.villageCode, [regionCode]),
      ),
    )
    .returning({ id: enrollment.id });
  return rows.map((r) => r.id);
}

export async function findBatch(db: Db, id: string): Promise<BatchRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(bpjsBatch).where(eq(bpjsBatch.id, id));
  return row;
}

export async function listBatches(db: Db, programId: string, actor: Actor) {
  return db
    .select()
    .from(bpjsBatch)
    .where(and(eq(bpjsBatch.programId, programId), inActorScope(actor, bpjsBatch.regionCode)))
    .orderBy(desc(bpjsBatch.createdAt))
    .limit(100);
}

/** Current statuses of the enrollments of each batch. */
export async function batchStatuses(
  db: Db,
  batchIds: string[],
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>(batchIds.map((id) => [id, {}]));
  if (batchIds.length === 0) return out;
  const rows = await db
    .select({
      batchId: enrollment.batchId,
      status: enrollment.status,
      n: sql<number>`count(*)::int`,
    })
    .from(enrollment)
    .where(inArray(enrollment.batchId, batchIds))
    .groupBy(enrollment.batchId, enrollment.status);
  for (const r of rows) out.get(r.batchId!)![r.status] = Number(r.n);
  return out;
}

/** Enrollments of the program in the actor's scope, per status. */
export async function programStatuses(
  db: Db,
  programId: string,
  actor: Actor,
): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: enrollment.status, n: sql<number>`count(*)::int` })
    .from(enrollment)
    .where(and(eq(enrollment.programId, programId), inActorScope(actor, enrollment.villageCode)))
    .groupBy(enrollment.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function regionNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM region WHERE code = ANY(${sql.param(codes)}::text[])`,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface BatchFileRow {
  enrollmentId: string;
  nik: string;
  name: string;
  nameKey: string;
  birthDate: string;
  sex: string;
  villageCode: string;
  village: string | null;
  district: string | null;
  regency: string | null;
  dusun: string | null;
  rw: string | null;
  rt: string | null;
  address: string | null;
  occupationCode: number;
  declaredIncome: number;
  package: string;
  firstMonth: string;
  lastMonth: string;
  funderType: string;
  budgetReference: string | null;
  programId: string;
  programName: string;
}

/**
 * One page of a batch for its file, in village then name order (keyset: after the last row). The
 * address is the worker's current one: the branch registers the person where they live.
 */
export async function batchFilePage(
  db: Db,
  batchId: string,
  after: { villageCode: string; nameKey: string; id: string } | null,
  limit: number,
): Promise<BatchFileRow[]> {
  const cursor = after
    ? sql`AND (w.village_code, w.name_key, e.id) > (${after.villageCode}, ${after.nameKey}, ${after.id}::uuid)`
    : sql``;
  return queryRows<BatchFileRow>(
    db,
    sql`SELECT e.id AS "enrollmentId", w.nik, w.full_name AS name, w.name_key AS "nameKey",
          w.birth_date::text AS "birthDate", w.sex, w.village_code AS "villageCode",
          v.name AS village, d.name AS district, r.name AS regency, w.dusun, w.rw, w.rt, w.address,
          w.occupation_code::int AS "occupationCode", p.declared_income::int AS "declaredIncome",
          array_to_string(p.package, '+') AS package, to_char(e.first_month, 'YYYY-MM') AS "firstMonth",
          to_char(e.last_month, 'YYYY-MM') AS "lastMonth", p.funder_type AS "funderType",
          p.budget_reference AS "budgetReference", p.id AS "programId", p.name AS "programName"
        FROM enrollment e
        JOIN worker w ON w.id = e.worker_id
        JOIN program p ON p.id = e.program_id
        LEFT JOIN region v ON v.code = w.village_code
        LEFT JOIN region d ON d.code = left(w.village_code, 8)
        LEFT JOIN region r ON r.code = left(w.village_code, 5)
        WHERE e.batch_id = ${batchId} ${cursor}
        ORDER BY w.village_code, w.name_key, e.id
        LIMIT ${limit}`,
  );
}

export interface MemberRow {
  enrollmentId: string;
  workerId: string;
  name: string;
  nik: string;
  villageCode: string;
  villageName: string | null;
  status: EnrollmentStatus;
  reason: string | null;
  kpj: string | null;
  effectiveDate: string | null;
}

export async function batchMembers(
  db: Db,
  batchId: string,
  offset: number,
  limit: number,
): Promise<MemberRow[]> {
  return queryRows<MemberRow>(
    db,
    sql`SELECT e.id AS "enrollmentId", w.id AS "workerId", w.full_name AS name, w.nik,
          e.village_code AS "villageCode", v.name AS "villageName", e.status, e.reason, e.kpj,
          e.effective_date::text AS "effectiveDate"
        FROM enrollment e JOIN worker w ON w.id = e.worker_id
        LEFT JOIN region v ON v.code = e.village_code
        WHERE e.batch_id = ${batchId}
        ORDER BY e.village_code, w.name_key, e.id
        OFFSET ${offset} LIMIT ${limit}`,
  );
}

// ── answers ─────────────────────────────────────────────────────────────────────────────────

export interface WorkerHit {
  id: string;
  nik: string;
  kpj: string | null;
  villageCode: string;
}

export async function workersByNik(db: Db, niks: string[]): Promise<Map<string, WorkerHit>> {
  if (niks.length === 0) return new Map();
  const rows = await queryRows<WorkerHit>(
    db,
    sql`SELECT id, nik, kpj, village_code AS "villageCode" FROM worker
        WHERE nik = ANY(${sql.param(niks)}::text[])`,
  );
  return new Map(rows.map((r) => [r.nik, r]));
}

export interface EnrollmentHit {
  id: string;
  workerId: string;
  status: EnrollmentStatus;
  kpj: string | null;
  effectiveDate: string | null;
  reason: string | null;
  firstMonth: string;
  lastMonth: string;
}

/** The workers' enrollments in the program inside the actor's scope, newest first, locked. */
export async function lockProgramEnrollments(
  tx: Db,
  programId: string,
  workerIds: string[],
  actor: Actor,
): Promise<Map<string, EnrollmentHit[]>> {
  const out = new Map<string, EnrollmentHit[]>();
  if (workerIds.length === 0) return out;
  const rows = await queryRows<EnrollmentHit>(
    tx,
    sql`SELECT id, worker_id AS "workerId", status, kpj, effective_date::text AS "effectiveDate",
          reason, first_month::text AS "firstMonth", last_month::text AS "lastMonth"
        FROM enrollment
        WHERE program_id = ${programId} AND worker_id = ANY(${sql.param(workerIds)}::uuid[])
          AND ${inActorScope(actor, sql`village_code`)}
        ORDER BY created_at DESC, id
        FOR UPDATE`,
  );
  for (const r of rows) {
    const list = out.get(r.workerId) ?? [];
    list.push(r);
    out.set(r.workerId, list);
  }
  return out;
}

/** Who already holds each KPJ (on the worker or on any enrollment): KPJ → worker ids. */
export async function kpjHolders(db: Db, kpjs: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (kpjs.length === 0) return out;
  const rows = await queryRows<{ kpj: string; workerId: string }>(
    db,
    sql`SELECT kpj, id AS "workerId" FROM worker WHERE kpj = ANY(${sql.param(kpjs)}::text[])
        UNION SELECT kpj, worker_id FROM enrollment WHERE kpj = ANY(${sql.param(kpjs)}::text[])`,
  );
  for (const r of rows) {
    const set = out.get(r.kpj) ?? new Set<string>();
    set.add(r.workerId);
    out.set(r.kpj, set);
  }
  return out;
}

/** Accepted seats become active from their effective date (first month moved up to its month). */
export async function applyAccepted(
  tx: Db,
  rows: { id: string; kpj: string; effectiveDate: string; firstMonth: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const ids = sql.param(rows.map((r) => r.id));
  const kpjs = sql.param(rows.map((r) => r.kpj));
  const dates = sql.param(rows.map((r) => r.effectiveDate));
  const firsts = sql.param(rows.map((r) => r.firstMonth));
  await tx.execute(
    sql`UPDATE enrollment e SET status = 'active', kpj = u.kpj, effective_date = u.d::date,
          first_month = u.f::date, reason = NULL, updated_at = now()
        FROM unnest(${ids}::uuid[], ${kpjs}::text[], ${dates}::text[], ${firsts}::text[])
          AS u(id, kpj, d, f)
        WHERE e.id = u.id`,
  );
}

/** The KPJ on the worker, only where the worker has none yet; the workers given one. */
export async function giveWorkersKpj(
  tx: Db,
  rows: { workerId: string; kpj: string }[],
): Promise<{ id: string; kpj: string; villageCode: string }[]> {
  if (rows.length === 0) return [];
  const ids = sql.param(rows.map((r) => r.workerId));
  const kpjs = sql.param(rows.map((r) => r.kpj));
  return queryRows<{ id: string; kpj: string; villageCode: string }>(
    tx,
    sql`UPDATE worker w SET kpj = u.kpj, updated_at = now()
        FROM unnest(${ids}::uuid[], ${kpjs}::text[]) AS u(id, kpj)
        WHERE w.id = u.id AND w.kpj IS NULL
        RETURNING w.id, w.kpj, w.village_code AS "villageCode"`,
  );
}

export async function applyRejected(tx: Db, rows: { id: string; reason: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = sql.param(rows.map((r) => r.id));
  const reasons = sql.param(rows.map((r) => r.reason));
  await tx.execute(
    sql`UPDATE enrollment e SET status = 'rejected', reason = u.reason, updated_at = now()
        FROM unnest(${ids}::uuid[], ${reasons}::text[]) AS u(id, reason)
        WHERE e.id = u.id`,
  );
}

export async function insertResultRows(
  tx: Db,
  rows: (typeof bpjsResultRow.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(bpjsResultRow).values(rows);
}

/** An answer import with its author's scope (who else may see it). */
export async function findResultImport(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({ record: bpjsResultImport, authorScope: appUser.scopeCodes })
    .from(bpjsResultImport)
    .leftJoin(appUser, eq(appUser.id, bpjsResultImport.createdById))
    .where(eq(bpjsResultImport.id, id));
  return row;
}

export async function listResultImports(db: Db, programId: string) {
  return db
    .select({ record: bpjsResultImport, authorScope: appUser.scopeCodes })
    .from(bpjsResultImport)
    .leftJoin(appUser, eq(appUser.id, bpjsResultImport.createdById))
    .where(eq(bpjsResultImport.programId, programId))
    .orderBy(desc(bpjsResultImport.createdAt))
    .limit(100);
}

/** The most cells any row of an answer import has (a row may run past the header). */
export async function widestRow(db: Db, importId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | null }>(
    db,
    sql`SELECT max(jsonb_array_length(cells))::int AS n FROM bpjs_result_row
        WHERE import_id = ${importId}`,
  );
  return Number(row?.n ?? 0);
}

/** Rows of an answer import with these outcomes, in line order, after a line (keyset paging). */
export async function resultRows(
  db: Db,
  importId: string,
  outcomes: readonly (ResultOutcome | 'header')[],
  limit: number,
  afterLine = -1,
) {
  return db
    .select()
    .from(bpjsResultRow)
    .where(
      and(
        eq(bpjsResultRow.importId, importId),
        gt(bpjsResultRow.line, afterLine),
        inArray(bpjsResultRow.outcome, [...outcomes]),
      ),
    )
    .orderBy(bpjsResultRow.line)
    .limit(limit);
}
