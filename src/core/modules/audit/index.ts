export * from './audit.schema.ts';
export { listAudit } from './list-audit.ts';
export { exportAudit } from './export-audit.ts';
