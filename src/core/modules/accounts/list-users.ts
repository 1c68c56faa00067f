import type { Ctx } from '../../context.ts';
import { requirePermission } from '../../access/require-permission.ts';
import { userVisibleScopes } from '../../access/role-rank.ts';
import { DomainError } from '../../errors.ts';
import { normaliseRegionCode } from '../../rules/region-code.ts';
import type { ListUsersQuery, UserList, UserSummary } from './accounts.schema.ts';
import { findUserById, listUsers, userVisibleTo } from './accounts.repository.ts';
import { isVisible, userNotFound } from './manage-user.ts';
import { toSummaries } from './to-actor.ts';

/** Users whose work area lies (at least partly) in the actor's scope, paginated. */
export async function listUsersInScope(ctx: Ctx, query: ListUsersQuery): Promise<UserList> {
  requirePermission(ctx.actor, 'users.read');
  let region: string | undefined;
  if (query.region) {
    region = normaliseRegionCode(query.region);
    if (!region) throw new DomainError('VALIDATION', `Kode wilayah "${query.region}" tidak valid.`);
  }
  const { rows, total } = await listUsers(ctx.db, {
    visible: userVisibleTo(userVisibleScopes(ctx.actor)),
    ...(query.q ? { text: query.q } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.active !== undefined ? { active: query.active } : {}),
    ...(region ? { region } : {}),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: await toSummaries(ctx.db, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getUser(ctx: Ctx, id: string): Promise<UserSummary> {
  requirePermission(ctx.actor, 'users.read');
  const user = await findUserById(ctx.db, id);
  if (!user || !isVisible(ctx, user)) throw userNotFound(id);
  const [summary] = await toSummaries(ctx.db, [user]);
  return summary!;
}
