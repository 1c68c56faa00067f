import type { Ctx } from '../../context.ts';
import { systemActor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import type { LoginInput, Me } from './accounts.schema.ts';
import {
  recordLoginSuccess,
  findUserByUsername,
  insertSession,
  recordLoginFailure,
} from './accounts.repository.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { newSessionToken, sessionIdOf, type AuthPolicy } from './session-token.ts';
import { toActor, toMe } from './to-actor.ts';

const WRONG = 'Nama pengguna atau kata sandi salah.';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: Me;
}

/**
 * Checks the password and opens a session. The same message for an unknown user and a wrong
 * password, and the same time spent, so that usernames cannot be probed.
 */
export async function login(
  ctx: Ctx,
  input: LoginInput & { ip?: string; userAgent?: string },
  policy: AuthPolicy,
): Promise<LoginResult> {
  const now = ctx.now();
  const user = await findUserByUsername(ctx.db, input.username.trim());
  const ok = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !user.active) throw new DomainError('UNAUTHENTICATED', WRONG);
  const audit = { ...ctx, actor: systemActor(`login:${user.username}`) };
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);
  if (!ok) {
    const lockUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
    const state = await ctx.db.transaction(async (tx) => {
      const s = await recordLoginFailure(tx, user.id, policy.lockAfterFailures, lockUntil);
      await recordAudit(tx, audit, {
        action: 'auth.loginFailed',
        entity: 'app_user',
        entityId: user.id,
        regionCode: user.scopeCodes[0] ?? null,
        after: {
          failedLoginCount: s.failedLoginCount,
          lockedUntil: s.lockedUntil,
          ip: input.ip ?? null,
        },
      });
      return s;
    });
    if (state.lockedUntil && state.lockedUntil > now) throw lockedError(state.lockedUntil, now);
    const left = policy.lockAfterFailures - state.failedLoginCount;
    throw new DomainError(
      'UNAUTHENTICATED',
      `${WRONG} Sisa percobaan sebelum akun dikunci: ${left}.`,
      { attemptsLeft: left },
    );
  }
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    await recordLoginSuccess(tx, user.id, now);
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    // The user who logged in is the actor of the login itself.
    await recordAudit(
      tx,
      { ...ctx, actor: toActor(user) },
      {
        action: 'auth.login',
        entity: 'app_user',
        entityId: user.id,
        regionCode: user.scopeCodes[0] ?? null,
        after: { ip: input.ip ?? null },
      },
    );
  });
  return { token, expiresAt, user: toMe(user) };
}

function lockedError(until: Date, now: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new DomainError(
    'LOCKED',
    `Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`,
    { retryAfterMinutes: minutes },
  );
}
