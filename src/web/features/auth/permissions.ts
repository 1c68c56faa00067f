import type { Me } from './auth-types.ts';

/** Permission names as sent by the server in `Me.permissions`. */
export type Permission =
  | 'users.read'
  | 'users.create'
  | 'users.update'
  | 'audit.read'
  | 'audit.export'
  | 'settings.update'
  | 'regions.setLocalTerm'
  | 'personal.viewFull'
  | 'workers.read'
  | 'workers.create'
  | 'workers.update'
  | 'workers.move'
  | 'workers.requestMove'
  | 'workers.dedupe'
  | 'programs.read'
  | 'programs.manage'
  | 'bpjs.read'
  | 'bpjs.export'
  | 'bpjs.import'
  | 'enrollments.end'
  | 'enrollments.replace'
  | 'enrollments.read'
  | 'enrollments.propose'
  | 'enrollments.verify'
  | 'enrollments.approve'
  | 'enrollments.return'
  | 'enrollments.withdraw';

export function hasPermission(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
