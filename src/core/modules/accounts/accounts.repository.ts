import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appUser, userSession } from '../../db/schema/accounts.ts';

export type UserRow = typeof appUser.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(appUser).where(eq(appUser.username, username.toLowerCase()));
  return row;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(appUser);
  return Number(row?.n ?? 0);
}

export async function insertUser(db: Db, row: typeof appUser.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(appUser).values(row).returning();
  return created!;
}

export async function recordLoginFailure(
  db: Db,
  userId: string,
  lockAfter: number,
  lockUntil: Date,
): Promise<{ failedLoginCount: number; lockedUntil: Date | null }> {
  const [row] = await db
    .update(appUser)
    .set({
      failedLoginCount: sql`${appUser.failedLoginCount} + 1`,
      lockedUntil: sql`CASE WHEN ${appUser.failedLoginCount} + 1 >= ${lockAfter} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${appUser.lockedUntil} END`,
    })
    .where(eq(appUser.id, userId))
    .returning({ failedLoginCount: appUser.failedLoginCount, lockedUntil: appUser.lockedUntil });
  return row!;
}

export async function clearLoginFailures(db: Db, userId: string): Promise<void> {
  await db
    .update(appUser)
    .set({ failedLoginCount: 0, lockedUntil: null })
    .where(eq(appUser.id, userId));
}

export async function insertSession(db: Db, row: typeof userSession.$inferInsert): Promise<void> {
  await db.insert(userSession).values(row);
}

export async function findLiveSession(db: Db, id: string, now: Date) {
  const [row] = await db
    .select({ session: userSession, user: appUser })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .where(
      and(eq(userSession.id, id), isNull(userSession.revokedAt), gt(userSession.expiresAt, now)),
    );
  return row;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.update(userSession).set({ lastSeenAt: now }).where(eq(userSession.id, id));
}

export async function revokeSession(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(userSession)
    .set({ revokedAt: now })
    .where(and(eq(userSession.id, id), isNull(userSession.revokedAt)))
    .returning({ id: userSession.id });
  return rows.length > 0;
}
