import type { Actor, Role } from './actor.ts';
import { ROLES } from './actor.ts';
import { isWithinScope } from './scope.ts';

/**
 * How high a role stands when users manage users: nobody grants a role above their own. Roles of
 * the same height are peers (a regency admin may create an auditor or a BPJS officer for the
 * regency, but not a province admin).
 */
export const ROLE_RANK: Record<Role, number> = {
  admin: 6,
  province_admin: 5,
  regency_admin: 4,
  district_officer: 3,
  bpjs_officer: 3,
  auditor: 3,
  village_operator: 1,
};

export function grantableRoles(actor: Actor): Role[] {
  if (actor.kind === 'system') return [...ROLES];
  return ROLES.filter((r) => ROLE_RANK[r] <= ROLE_RANK[actor.role]);
}

/** Whether the actor's scope holds every code of the given scope (an empty scope is the country). */
export function coversScope(actor: Actor, scope: readonly string[]): boolean {
  if (actor.kind === 'system') return true;
  if (actor.role === 'admin' && actor.scope.length === 0) return true;
  if (scope.length === 0) return false;
  return scope.every((code) => isWithinScope(actor, code));
}

/** May the actor manage (edit, deactivate, reset) a user with this role and scope? */
export function canManage(actor: Actor, target: { role: Role; scope: readonly string[] }): boolean {
  if (actor.kind === 'system') return true;
  return ROLE_RANK[target.role] <= ROLE_RANK[actor.role] && coversScope(actor, target.scope);
}

/** The scopes whose users an actor sees; null = everyone (system, national admin or auditor). */
export function userVisibleScopes(actor: Actor): string[] | null {
  if (actor.kind === 'system') return null;
  if (actor.scope.length === 0 && (actor.role === 'admin' || actor.role === 'auditor')) return null;
  return actor.scope;
}
