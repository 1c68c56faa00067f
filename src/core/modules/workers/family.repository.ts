import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { region } from '../../db/schema/regions.ts';
import { workerChild, workerHeir } from '../../db/schema/workers.ts';
import { isUuid } from '../../db/uuid.ts';

export type HeirRow = typeof workerHeir.$inferSelect;
export type NewHeirRow = typeof workerHeir.$inferInsert;
export type ChildRow = typeof workerChild.$inferSelect;
export type NewChildRow = typeof workerChild.$inferInsert;

export async function listHeirRows(db: Db, workerId: string): Promise<HeirRow[]> {
  return db
    .select()
    .from(workerHeir)
    .where(eq(workerHeir.workerId, workerId))
    .orderBy(asc(workerHeir.createdAt), asc(workerHeir.id));
}

export async function listChildRows(db: Db, workerId: string): Promise<ChildRow[]> {
  return db
    .select()
    .from(workerChild)
    .where(eq(workerChild.workerId, workerId))
    .orderBy(asc(workerChild.birthDate), asc(workerChild.id));
}

/** The heir, only when it belongs to this worker. */
export async function findHeirRow(
  db: Db,
  workerId: string,
  heirId: string,
): Promise<HeirRow | undefined> {
  if (!isUuid(heirId)) return undefined;
  const [row] = await db
    .select()
    .from(workerHeir)
    .where(and(eq(workerHeir.id, heirId), eq(workerHeir.workerId, workerId)));
  return row;
}

/** The child, only when it belongs to this worker. */
export async function findChildRow(
  db: Db,
  workerId: string,
  childId: string,
): Promise<ChildRow | undefined> {
  if (!isUuid(childId)) return undefined;
  const [row] = await db
    .select()
    .from(workerChild)
    .where(and(eq(workerChild.id, childId), eq(workerChild.workerId, workerId)));
  return row;
}

export async function insertHeir(db: Db, row: NewHeirRow): Promise<HeirRow> {
  const [created] = await db.insert(workerHeir).values(row).returning();
  return created!;
}

export async function updateHeirRow(
  db: Db,
  id: string,
  set: Partial<NewHeirRow>,
): Promise<HeirRow> {
  const [row] = await db.update(workerHeir).set(set).where(eq(workerHeir.id, id)).returning();
  return row!;
}

export async function deleteHeirRow(db: Db, id: string): Promise<void> {
  await db.delete(workerHeir).where(eq(workerHeir.id, id));
}

export async function insertChild(db: Db, row: NewChildRow): Promise<ChildRow> {
  const [created] = await db.insert(workerChild).values(row).returning();
  return created!;
}

export async function updateChildRow(
  db: Db,
  id: string,
  set: Partial<NewChildRow>,
): Promise<ChildRow> {
  const [row] = await db.update(workerChild).set(set).where(eq(workerChild.id, id)).returning();
  return row!;
}

export async function deleteChildRow(db: Db, id: string): Promise<void> {
  await db.delete(workerChild).where(eq(workerChild.id, id));
}

/** Which of these district codes the register knows, retired ones included (NIKs outlive splits). */
export async function knownDistricts(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: region.code })
    .from(region)
    .where(and(inArray(region.code, codes), eq(region.level, 'district')));
  return new Set(rows.map((r) => r.code));
}
