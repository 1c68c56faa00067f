import type { Ctx } from '../../context.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { parseOrThrow } from '../../validation.ts';
import { ChangePasswordInput, ResetPasswordInput } from './accounts.schema.ts';
import {
  findUserById,
  lockUser,
  revokeUserSessions,
  updateUserRow,
} from './accounts.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { lockManagedUser } from './manage-user.ts';

/** An administrator sets a new password for a user; all of the user's sessions end. */
export async function resetUserPassword(
  ctx: Ctx,
  id: string,
  raw: { newPassword: string },
): Promise<void> {
  const { newPassword } = parseOrThrow(ResetPasswordInput, raw, 'Kata sandi tidak valid.');
  const target = await findUserById(ctx.db, id);
  if (target) assertPasswordAcceptable(newPassword, target.username, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    const user = await lockManagedUser(ctx, tx, id, 'users.update');
    await updateUserRow(tx, id, { passwordHash, failedLoginCount: 0, lockedUntil: null });
    const ended = await revokeUserSessions(tx, id, ctx.now());
    await recordAudit(tx, ctx, {
      action: 'users.resetPassword',
      entity: 'app_user',
      entityId: id,
      regionCode: user.scopeCodes[0] ?? null,
      after: { sessionsEnded: ended },
    });
  });
}

/** A user changes the own password, proving the current one; other sessions end. */
export async function changeOwnPassword(ctx: Ctx, raw: ChangePasswordInput): Promise<void> {
  const input = parseOrThrow(ChangePasswordInput, raw, 'Kata sandi tidak valid.');
  const actor = ctx.actor;
  if (actor.kind !== 'user')
    throw new DomainError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  const current = await findUserById(ctx.db, actor.id);
  if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    const message = 'Kata sandi lama salah.';
    throw new DomainError('VALIDATION', message, {
      issues: [{ path: 'currentPassword', message }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    const message = 'Kata sandi baru harus berbeda dari yang lama.';
    throw new DomainError('VALIDATION', message, { issues: [{ path: 'newPassword', message }] });
  }
  assertPasswordAcceptable(input.newPassword, actor.username, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await lockUser(tx, actor.id);
    await updateUserRow(tx, actor.id, { passwordHash });
    const ended = await revokeUserSessions(tx, actor.id, ctx.now(), actor.sessionId);
    await recordAudit(tx, ctx, {
      action: 'auth.changePassword',
      entity: 'app_user',
      entityId: actor.id,
      regionCode: actor.scope[0] ?? null,
      after: { otherSessionsEnded: ended },
    });
  });
}
