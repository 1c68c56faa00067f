import { DomainError } from '../errors.ts';
import type { Actor, Role } from './actor.ts';
import { isWithinScope } from './scope.ts';

/**
 * What each role may do. Issue #3 completes the table; for now it holds what the foundation uses.
 */
export const PERMISSIONS = {
  'regions.read': [
    'admin',
    'province_admin',
    'regency_admin',
    'district_officer',
    'village_operator',
    'bpjs_officer',
    'auditor',
  ],
  'regions.setLocalTerm': ['admin', 'province_admin', 'regency_admin'],
  'regions.load': ['admin'],
  'users.create': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function requirePermission(actor: Actor, permission: Permission, regionCode?: string): void {
  if (!can(actor, permission)) {
    throw new DomainError('FORBIDDEN', 'Anda tidak memiliki hak untuk tindakan ini.', {
      permission,
    });
  }
  if (regionCode !== undefined && !isWithinScope(actor, regionCode)) {
    throw new DomainError('FORBIDDEN', 'Wilayah ini di luar cakupan akun Anda.', { regionCode });
  }
}
