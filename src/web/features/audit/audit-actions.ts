import type { TFunction } from 'i18next';

/** Actions the server records; their labels live under `audit.actions.` in the i18n files. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.loginFailed',
  'auth.logout',
  'auth.changePassword',
  'auth.revokeSession',
  'users.create',
  'users.update',
  'users.deactivate',
  'users.activate',
  'users.resetPassword',
  'regions.load',
  'regions.setLocalTerm',
  'regions.clearLocalTerm',
  'settings.update',
  'audit.export',
  'personal.view',
  'workers.create',
  'workers.update',
  'workers.move',
  'workers.confirmWarnings',
  'workers.export',
  'workers.demo',
  'workers.lifeStatus',
  'workers.heir.add',
  'workers.heir.update',
  'workers.heir.remove',
  'workers.child.add',
  'workers.child.update',
  'workers.child.remove',
  'workers.merge',
  'workers.markDifferent',
  'workers.requestMove',
  'workers.approveMove',
  'workers.rejectMove',
  'workers.withdrawMove',
  'workers.kpjFromBpjs',
  'imports.queue',
  'imports.preview',
  'imports.commit',
  'imports.cancel',
  'imports.cancelled',
  'imports.resume',
  'imports.commitPreview',
  'enrollments.propose',
  'enrollments.verify',
  'enrollments.approve',
  'enrollments.return',
  'enrollments.withdraw',
  'enrollments.export',
  'programs.create',
  'programs.update',
  'programs.activate',
  'programs.close',
  'programs.setAllocations',
  'programs.importAllocations',
  'programs.exportAllocations',
  'bpjs.exportBatch',
  'bpjs.downloadBatch',
  'bpjs.importResults',
  'enrollments.end',
  'enrollments.replace',
  'programs.renew',
  'continuity.export',
] as const;

const KNOWN = new Set<string>(KNOWN_ACTIONS);

/** The Indonesian (or English) label of an action, or null when the action is not known here. */
export function actionLabel(t: TFunction, action: string): string | null {
  // i18next keys use dots for nesting, so the action's dot becomes an underscore.
  return KNOWN.has(action) ? t(`audit.actions.${action.replaceAll('.', '_')}`) : null;
}

/** Tables the server names as `entity`; their labels live under `audit.entities.`. */
export const KNOWN_ENTITIES = new Set([
  'app_user',
  'audit_log',
  'region_local_term',
  'region_register',
  'setting',
  'user_session',
  'worker',
  'worker_import',
  'worker_move_request',
  'enrollment',
  'program',
  'bpjs_batch',
  'bpjs_result_import',
]);

export function entityLabel(t: TFunction, entity: string): string | null {
  return KNOWN_ENTITIES.has(entity) ? t(`audit.entities.${entity}`) : null;
}
