import { DomainError } from '../errors.ts';
import { ROLES, type Actor, type Role } from './actor.ts';
import { isWithinScope } from './scope.ts';

const ALL: readonly Role[] = ROLES;
const ADMINS: readonly Role[] = ['admin', 'province_admin', 'regency_admin'];

/**
 * What each role may do (issue #3). Region scope is checked on top of this, in each use-case.
 * Later features add their permissions here; the route access test covers every endpoint.
 */
export const PERMISSIONS = {
  'regions.read': ALL,
  'regions.setLocalTerm': ADMINS,
  'regions.load': ['admin'],
  'users.read': [...ADMINS, 'auditor'],
  'users.create': ADMINS,
  'users.update': ADMINS,
  'audit.read': [...ADMINS, 'auditor'],
  'audit.export': [...ADMINS, 'auditor'],
  'settings.read': ALL,
  // Full NIK / KPJ on a detail page (each view audited). Auditors check processes, not people:
  // they see masked values.
  'personal.viewFull': ROLES.filter((r) => r !== 'auditor'),
  'settings.update': ['admin'],
  'workers.read': ALL,
  // Villages are the master of who lives there (DOMAIN §1); BPJS officers never edit identity.
  'workers.create': [...ADMINS, 'village_operator'],
  'workers.update': [...ADMINS, 'village_operator'],
  'workers.move': ADMINS,
  // The receiving village asks for a worker registered elsewhere; 'workers.move' decides.
  'workers.requestMove': [...ADMINS, 'village_operator'],
  // The budget planner is a calculator: every role may use it, within its own region.
  'budget.plan': ALL,
  // Programs: everyone reads those that concern the own region; the regency (province, national)
  // office creates them, sets the seats, activates and closes them (issue #5).
  'programs.read': ALL,
  'programs.manage': ADMINS,
  // Reviewing possible duplicates and merging them: the regency office decides, not villages.
  'workers.dedupe': ADMINS,
  // Exchange with BPJS (issue #5): the regency office sends the approved batch; the branch
  // (bpjs_officer, scoped to its regencies) or the regency office records the answer.
  'bpjs.read': [...ADMINS, 'bpjs_officer'],
  'bpjs.export': ADMINS,
  'bpjs.import': [...ADMINS, 'bpjs_officer'],
  // Replacement (mutasi): the regency frees a seat; the village proposes who takes it.
  'enrollments.end': ADMINS,
  'enrollments.replace': [...ADMINS, 'village_operator'],
  // Enrollment proposals and the approval chain (issue #5, DOMAIN §1): the village proposes (an
  // admin may act for a village), the district verifies, the regency office approves; district
  // and regency send back with a reason; the village withdraws before approval.
  'enrollments.read': ALL,
  'enrollments.propose': [...ADMINS, 'village_operator'],
  'enrollments.verify': ['district_officer'],
  'enrollments.approve': ADMINS,
  'enrollments.return': [...ADMINS, 'district_officer'],
  'enrollments.withdraw': [...ADMINS, 'village_operator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
    (PERMISSIONS[p] as readonly Role[]).includes(role),
  );
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
