import { sql } from 'drizzle-orm';
import type { Ctx } from '../../src/core/context.ts';
import { queryRows, type Db } from '../../src/core/db/client.ts';
import { recordAudit } from '../../src/core/audit/record-audit.ts';
import { lockUser, updateUserRow } from '../../src/core/modules/accounts/accounts.repository.ts';

/** What every measured update appends to the display name, so that the updated rows can be counted. */
export const RENAMED = ' (diubah)';

/** The work area of the seeded users: the audit record's region code comes from it. */
const SCOPE_CODE = '15.08.01.2001';

/**
 * N village operators in one set-based INSERT, named `<prefix><n>`. Returns their ids in insertion
 * order.
 */
export async function seedUsers(db: Db, prefix: string, n: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO app_user (username, display_name, password_hash, role, scope_codes)
      SELECT ${prefix}::text || g, 'Pekerja ' || g, 'x', 'village_operator', ARRAY[${SCOPE_CODE}::text]
      FROM generate_series(1, ${n}::int) AS g
      RETURNING id`,
  );
  if (rows.length !== n) throw new Error(`Seeded ${rows.length} users, not ${n}`);
  return rows.map((r) => r.id);
}

/**
 * Removes the village operators of earlier runs and vacuums, so that every measured run starts
 * from a table of the same size with no dead rows (VACUUM cannot run in a transaction).
 */
export async function resetUsers(db: Db, keepId: string): Promise<void> {
  await db.execute(sql`DELETE FROM app_user WHERE id <> ${keepId}::uuid`);
  await db.execute(sql`VACUUM ANALYZE app_user`);
}

/** Analyses after seeding, so that the planner and the visibility map are the same for each run. */
export async function settleUsers(db: Db): Promise<void> {
  await db.execute(sql`VACUUM ANALYZE app_user`);
  await db.execute(sql`ANALYZE audit_log`);
}

/**
 * The measured use-case: one user's display name changed in its own transaction, as the app's
 * use-cases do (lock the row, update it, and — variant (a) — write the audit record in the same
 * transaction). Variant (b) is the identical transaction without the audit record.
 */
export async function renameUser(ctx: Ctx, id: string, audit: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, id);
    if (!user) throw new Error(`No user ${id}`);
    const displayName = user.displayName + RENAMED;
    await updateUserRow(tx, id, { displayName });
    if (audit) {
      await recordAudit(tx, ctx, {
        action: 'users.update',
        entity: 'app_user',
        entityId: id,
        regionCode: user.scopeCodes[0] ?? null,
        before: { displayName: user.displayName },
        after: { displayName },
      });
    }
  });
}

export interface UpdateSteps {
  /** From calling transaction() until its callback starts: BEGIN (and taking a connection). */
  begin: number;
  lock: number;
  update: number;
  /** recordAudit (the INSERT into audit_log), or the `SELECT 1` in its place; 0 for neither. */
  audit: number;
  /** From the callback's end until transaction() resolves: COMMIT. */
  commit: number;
  total: number;
}

/**
 * What follows the update in the transaction: the audit record (variant a), nothing (variant b),
 * or a no-op `SELECT 1` — the cost of one more statement, whatever it does.
 */
export type StepExtra = 'audit' | 'none' | 'select1';

/**
 * A diagnostic copy of renameUser with a clock between its steps, summed over all ids. It calls
 * the same functions in the same order; if renameUser changes, change this too.
 */
export async function renameUsersBySteps(
  ctx: Ctx,
  ids: string[],
  extra: StepExtra,
): Promise<UpdateSteps> {
  const t: UpdateSteps = { begin: 0, lock: 0, update: 0, audit: 0, commit: 0, total: 0 };
  const start = performance.now();
  for (const id of ids) {
    let mark = performance.now();
    const lap = (key: keyof UpdateSteps) => {
      const now = performance.now();
      t[key] += now - mark;
      mark = now;
    };
    await ctx.db.transaction(async (tx) => {
      lap('begin');
      const user = await lockUser(tx, id);
      if (!user) throw new Error(`No user ${id}`);
      lap('lock');
      const displayName = user.displayName + RENAMED;
      await updateUserRow(tx, id, { displayName });
      lap('update');
      if (extra === 'audit') {
        await recordAudit(tx, ctx, {
          action: 'users.update',
          entity: 'app_user',
          entityId: id,
          regionCode: user.scopeCodes[0] ?? null,
          before: { displayName: user.displayName },
          after: { displayName },
        });
        lap('audit');
      } else if (extra === 'select1') {
        await tx.execute(sql`SELECT 1`);
        lap('audit');
      }
    });
    lap('commit');
  }
  t.total = performance.now() - start;
  return t;
}

/** Sums two step timings (`a` may be undefined: the first block). */
export function addSteps(a: UpdateSteps | undefined, b: UpdateSteps): UpdateSteps {
  if (!a) return { ...b };
  const sum = { ...a };
  for (const k of Object.keys(sum) as (keyof UpdateSteps)[]) sum[k] += b[k];
  return sum;
}

/** The audit record alone: the same INSERT into audit_log, one per transaction, for each id. */
export async function auditOnly(ctx: Ctx, ids: string[]): Promise<void> {
  for (const id of ids) {
    await ctx.db.transaction(async (tx) => {
      await recordAudit(tx, ctx, {
        action: 'users.update',
        entity: 'app_user',
        entityId: id,
        regionCode: SCOPE_CODE,
        before: { displayName: 'Pekerja' },
        after: { displayName: 'Pekerja' + RENAMED },
      });
    });
  }
}

/** Audit records written under one request id (each measured run has its own). */
export async function countAudit(db: Db, requestId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM audit_log WHERE request_id = ${requestId}`,
  );
  return row!.n;
}

/** Users of a run whose name was changed: an update that changed nothing must not look fast. */
export async function countRenamed(db: Db, prefix: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM app_user
      WHERE starts_with(username, ${prefix}) AND right(display_name, ${RENAMED.length}::int) = ${RENAMED}`,
  );
  return row!.n;
}

export async function countAuditTotal(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log`);
  return row!.n;
}
