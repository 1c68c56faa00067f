export * from './workers.schema.ts';
export { createWorker, updateWorker, patchWorker, confirmWorkerWarnings } from './save-worker.ts';
export { getWorker, getWorkerIdentity } from './get-worker.ts';
export { listWorkers } from './list-workers.ts';
export * from './family.schema.ts';
export { listFamily, addHeir, updateHeir, removeHeir } from './family.ts';
export { addChild, updateChild, removeChild } from './family-children.ts';
export { setLifeStatus } from './life-status.ts';
export { nameKeyOf, findWorkerByNik, type WorkerRow } from './workers.repository.ts';
export { prepareWorker, prepareWorkerWith, loadRegionFacts } from './prepare-worker.ts';
export { applyPatch, compareWorker, toInput } from './worker-patch.ts';
export { auditView } from './to-worker-view.ts';
export { exportWorkers, type ExportWorkersQuery } from './export-workers.ts';
export * from './duplicates.schema.ts';
export { listPossibleDuplicates, markDifferent } from './duplicates.ts';
export { mergeWorkers } from './merge-workers.ts';
export * from './move-requests.schema.ts';
export {
  requestMove,
  listMoveRequests,
  decideMoveRequest,
  withdrawMoveRequest,
} from './move-requests.ts';
export { writeWorkerTemplate, TEMPLATE_FILE_NAME } from './worker-template.ts';
export {
  seedDemoWorkers,
  type SeedDemoInput,
  type SeedDemoProgress,
  type SeedDemoResult,
} from './demo/seed-demo-workers.ts';
