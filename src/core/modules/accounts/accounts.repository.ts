import { and, asc, desc, eq, gt, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../db/region-scope.ts';
import { appUser, userSession } from '../../db/schema/accounts.ts';
import { isUuid } from '../../db/uuid.ts';

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

export async function recordLoginSuccess(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(appUser)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
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

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id));
  return row;
}

/**
 * A user is visible to an actor whose scope holds at least one of the user's codes; users with a
 * national scope (empty) only to national actors (scopes === null).
 */
export function userVisibleTo(scopes: string[] | null): SQL | undefined {
  if (scopes === null) return undefined;
  if (scopes.length === 0) return sql`false`;
  const patterns = scopes.map((s) => `${s}.%`);
  return sql`EXISTS (SELECT 1 FROM unnest(${appUser.scopeCodes}) AS s(code)
    WHERE s.code = ANY(${sql.param(scopes)}::text[]) OR s.code LIKE ANY(${sql.param(patterns)}::text[]))`;
}

export async function listUsers(
  db: Db,
  q: {
    visible: SQL | undefined;
    text?: string;
    role?: string;
    active?: boolean;
    region?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: UserRow[]; total: number }> {
  const conds: (SQL | undefined)[] = [q.visible];
  if (q.text) {
    const like = `%${escapeLike(q.text.toLowerCase())}%`;
    conds.push(
      sql`(lower(${appUser.username}) LIKE ${like} OR lower(${appUser.displayName}) LIKE ${like})`,
    );
  }
  if (q.role) conds.push(sql`${appUser.role} = ${q.role}`);
  if (q.active !== undefined) conds.push(eq(appUser.active, q.active));
  if (q.region) conds.push(userVisibleTo([q.region]));
  const where = and(...conds.filter((c): c is SQL => c !== undefined));
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(appUser)
    .where(where);
  const rows = await db
    .select()
    .from(appUser)
    .where(where)
    .orderBy(asc(appUser.displayName), asc(appUser.username))
    .limit(q.limit)
    .offset(q.offset);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function updateUserRow(
  db: Db,
  id: string,
  set: Partial<typeof appUser.$inferInsert>,
): Promise<UserRow> {
  const [row] = await db
    .update(appUser)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(appUser.id, id))
    .returning();
  return row!;
}

/** Locks the row for the rest of the transaction: two admins editing one user take turns. */
export async function lockUser(db: Db, id: string): Promise<UserRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id)).for('update');
  return row;
}

export async function revokeUserSessions(
  db: Db,
  userId: string,
  now: Date,
  exceptSessionId?: string,
): Promise<number> {
  const rows = await db
    .update(userSession)
    .set({ revokedAt: now })
    .where(
      and(
        eq(userSession.userId, userId),
        isNull(userSession.revokedAt),
        exceptSessionId ? ne(userSession.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: userSession.id });
  return rows.length;
}

export async function listLiveSessions(db: Db, userId: string, now: Date) {
  return db
    .select()
    .from(userSession)
    .where(
      and(
        eq(userSession.userId, userId),
        isNull(userSession.revokedAt),
        gt(userSession.expiresAt, now),
      ),
    )
    .orderBy(desc(userSession.lastSeenAt));
}

export async function revokeSessionOfUser(
  db: Db,
  userId: string,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(userSession)
    .set({ revokedAt: now })
    .where(
      and(
        eq(userSession.id, sessionId),
        eq(userSession.userId, userId),
        isNull(userSession.revokedAt),
      ),
    )
    .returning({ id: userSession.id });
  return rows.length > 0;
}

/**
 * The display names of these users (id → "Eka Puspita"), for pages that say who did something;
 * the user name stored beside the record stays the fallback (the system, a missing id).
 */
export async function displayNames(
  db: Db,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(inArray(appUser.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
