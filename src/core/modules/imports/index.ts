export * from './imports.schema.ts';
export { importWorkers } from './import-workers.ts';
export { getImport } from './get-import.ts';
export { writeRejectedRows } from './rejected-file.ts';
export { formatOf } from './read-worker-file.ts';
