export * from './workers.schema.ts';
export { createWorker, updateWorker, confirmWorkerWarnings } from './save-worker.ts';
export { getWorker, getWorkerIdentity } from './get-worker.ts';
export { listWorkers } from './list-workers.ts';
export { nameKeyOf } from './workers.repository.ts';
export { prepareWorker } from './prepare-worker.ts';
