// Types only: accounts.schema.ts imports the database schema at run time, which the web must
// not bundle, so nothing but types is imported from it.
import type { Me, RoleName } from '../../../core/modules/accounts/accounts.schema.ts';

export type { Me, RoleName };

/** Roles that may set the local word for the village level (the server enforces this too). */
export const LOCAL_TERM_ROLES: ReadonlySet<RoleName> = new Set<RoleName>([
  'admin',
  'province_admin',
  'regency_admin',
]);

/** Whether `code` lies inside the user's work area (an empty scope is the whole country). */
export function isInScope(user: Me, code: string): boolean {
  return user.scope.length === 0 || user.scope.some((s) => code === s || code.startsWith(`${s}.`));
}
