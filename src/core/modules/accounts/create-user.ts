import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { grantableRoles } from '../../access/role-rank.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { DomainError } from '../../errors.ts';
import { CreateUserInput, type UserSummary } from './accounts.schema.ts';
import { findUserByUsername, insertUser } from './accounts.repository.ts';
import { hashPassword } from './password.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { toSummaries } from './to-actor.ts';
import { validateScope } from './validate-scope.ts';
import { parseOrThrow } from '../../validation.ts';

/**
 * Creates a user. Nobody grants a role above their own or a work area outside their own scope.
 */
export async function createUser(ctx: Ctx, raw: CreateUserInput): Promise<UserSummary> {
  requirePermission(ctx.actor, 'users.create');
  const input = parseOrThrow(CreateUserInput, raw, 'Data pengguna tidak valid.');
  if (!grantableRoles(ctx.actor).includes(input.role)) {
    throw new DomainError(
      'FORBIDDEN',
      'Anda tidak dapat memberi peran yang lebih tinggi dari peran Anda.',
      { field: 'role' },
    );
  }
  assertPasswordAcceptable(input.password, input.username);
  const scope = await validateScope(ctx, input.role, input.scope);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, input.username)) {
      const message = `Nama pengguna "${input.username}" sudah dipakai.`;
      throw new DomainError('CONFLICT', message, { issues: [{ path: 'username', message }] });
    }
    const user = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName ?? input.username,
      passwordHash,
      role: input.role,
      scopeCodes: scope,
      language: input.language,
    });
    const [summary] = await toSummaries(tx, [user]);
    await recordAudit(tx, ctx, {
      action: 'users.create',
      entity: 'app_user',
      entityId: user.id,
      regionCode: scope[0] ?? null,
      after: auditView(summary!),
    });
    return summary!;
  });
}

/** What the audit keeps of a user: never the password hash. */
export function auditView(u: UserSummary) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scope: u.scope,
    language: u.language,
    active: u.active,
  };
}
