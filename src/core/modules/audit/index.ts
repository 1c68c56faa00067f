export * from './audit.schema.ts';
export { listAudit } from './list-audit.ts';
export { exportAudit, safeCell } from './export-audit.ts';
