export * from './imports.schema.ts';
export { importWorkers } from './import-workers.ts';
export { getImport } from './get-import.ts';
export { writeRejectedRows } from './rejected-file.ts';
export { formatOf } from './read-worker-file.ts';
export { queueImport, cancelImport, resumeImport, runImport } from './import-job.ts';
export { ImportRunner } from './import-runner.ts';
export { listImports } from './list-imports.ts';
