import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { escapeLike, regionPrefixMatch } from '../../db/region-scope.ts';
import { region } from '../../db/schema/regions.ts';
import { worker } from '../../db/schema/workers.ts';
import type { ListWorkersQuery } from './workers.schema.ts';
import { isUuid } from '../../db/uuid.ts';

export type WorkerRow = typeof worker.$inferSelect;
export type NewWorkerRow = typeof worker.$inferInsert;

/** Lower case, accents removed, spaces collapsed: "  Siti  Aminah " and "SITI ÁMINAH" meet. */
export function nameKeyOf(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export async function findWorkerById(db: Db, id: string): Promise<WorkerRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(worker).where(eq(worker.id, id));
  return row;
}

export async function lockWorker(db: Db, id: string): Promise<WorkerRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(worker).where(eq(worker.id, id)).for('update');
  return row;
}

export async function findWorkerByNik(db: Db, nik: string): Promise<WorkerRow | undefined> {
  const [row] = await db.select().from(worker).where(eq(worker.nik, nik));
  return row;
}

export async function insertWorker(db: Db, row: NewWorkerRow): Promise<WorkerRow> {
  const [created] = await db.insert(worker).values(row).returning();
  return created!;
}

export async function updateWorkerRow(
  db: Db,
  id: string,
  set: Partial<NewWorkerRow>,
): Promise<WorkerRow> {
  const [row] = await db
    .update(worker)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(worker.id, id))
    .returning();
  return row!;
}

const SORT: Record<ListWorkersQuery['sort'], SQL[]> = {
  name: [asc(worker.nameKey), asc(worker.id)],
  '-name': [desc(worker.nameKey), desc(worker.id)],
  birthDate: [asc(worker.birthDate), asc(worker.id)],
  '-birthDate': [desc(worker.birthDate), desc(worker.id)],
  createdAt: [asc(worker.createdAt), asc(worker.id)],
  '-createdAt': [desc(worker.createdAt), desc(worker.id)],
};

export interface WorkerFilter {
  /** Region prefixes the actor may see; null = the whole country. */
  scopes: string[] | null;
  nik?: string;
  nameLike?: string;
  region?: string;
  segment?: string;
  occupation?: number;
  status?: string;
  hasWarnings?: boolean;
}

function whereOf(f: WorkerFilter): SQL | undefined {
  // a merged record stays for its history, but is no longer a worker of the registry
  const conds: SQL[] = [sql`${worker.mergedInto} IS NULL`];
  if (f.scopes !== null) conds.push(regionPrefixMatch(worker.villageCode, f.scopes));
  if (f.nik) conds.push(eq(worker.nik, f.nik));
  if (f.nameLike) conds.push(sql`${worker.nameKey} LIKE ${`%${escapeLike(f.nameLike)}%`}`);
  if (f.region) conds.push(regionPrefixMatch(worker.villageCode, [f.region]));
  if (f.segment) conds.push(eq(worker.segment, f.segment));
  if (f.occupation) conds.push(eq(worker.occupationCode, f.occupation));
  if (f.status) conds.push(sql`${worker.lifeStatus} = ${f.status}`);
  if (f.hasWarnings !== undefined)
    conds.push(f.hasWarnings ? sql`${worker.openWarnings} > 0` : sql`${worker.openWarnings} = 0`);
  return and(...conds);
}

export async function listWorkerRows(
  db: Db,
  f: WorkerFilter,
  page: { sort: ListWorkersQuery['sort']; limit: number; offset: number },
): Promise<{ rows: (WorkerRow & { villageName: string })[]; total: number }> {
  const where = whereOf(f);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(worker)
    .where(where);
  const rows = await db
    .select({ w: worker, villageName: region.name })
    .from(worker)
    .innerJoin(region, eq(region.code, worker.villageCode))
    .where(where)
    .orderBy(...SORT[page.sort])
    .limit(page.limit)
    .offset(page.offset);
  return {
    rows: rows.map((r) => ({ ...r.w, villageName: r.villageName })),
    total: Number(count?.n ?? 0),
  };
}

/** The names of a village and its district and regency, for detail pages. */
export async function findVillageLineage(db: Db, villageCode: string) {
  const [row] = await queryRows<{ village: string; district: string; regency: string }>(
    db,
    sql`SELECT v.name AS village, d.name AS district, r.name AS regency
        FROM region v JOIN region d ON d.code = left(v.code, 8) JOIN region r ON r.code = left(v.code, 5)
        WHERE v.code = ${villageCode}`,
  );
  return row;
}

export async function countWorkerRows(db: Db, f: WorkerFilter): Promise<number> {
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(worker)
    .where(whereOf(f));
  return Number(count?.n ?? 0);
}

/** The sort key of each list order, as text with its SQL type, for keyset paging. */
const SORT_KEY: Record<ListWorkersQuery['sort'], { col: SQL; type: string; desc: boolean }> = {
  name: { col: sql`${worker.nameKey}`, type: 'text', desc: false },
  '-name': { col: sql`${worker.nameKey}`, type: 'text', desc: true },
  birthDate: { col: sql`${worker.birthDate}`, type: 'date', desc: false },
  '-birthDate': { col: sql`${worker.birthDate}`, type: 'date', desc: true },
  createdAt: { col: sql`${worker.createdAt}`, type: 'timestamptz', desc: false },
  '-createdAt': { col: sql`${worker.createdAt}`, type: 'timestamptz', desc: true },
};

export interface WorkerCursor {
  /** The sort key of the last row, as PostgreSQL prints it (keeps timestamps' microseconds). */
  key: string;
  id: string;
}

/**
 * One batch of an export in the list's order, after the cursor (keyset paging: stable and fast
 * at a million rows, where OFFSET would rescan every earlier row).
 */
export async function workerBatch(
  db: Db,
  f: WorkerFilter,
  sort: ListWorkersQuery['sort'],
  after: WorkerCursor | null,
  limit: number,
): Promise<{ rows: WorkerRow[]; next: WorkerCursor | null }> {
  const k = SORT_KEY[sort];
  const past = after
    ? sql`(${k.col}, ${worker.id}) ${sql.raw(k.desc ? '<' : '>')} (${after.key}::${sql.raw(k.type)}, ${after.id}::uuid)`
    : undefined;
  const rows = await db
    .select({ w: worker, key: sql<string>`${k.col}::text` })
    .from(worker)
    .where(and(whereOf(f), past))
    .orderBy(...SORT[sort])
    .limit(limit);
  const last = rows.at(-1);
  return {
    rows: rows.map((r) => r.w),
    next: rows.length === limit && last ? { key: last.key, id: last.w.id } : null,
  };
}
