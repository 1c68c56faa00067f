export * from './bpjs.schema.ts';
export {
  BPJS_LAYOUT_VERSION,
  BPJS_COLUMNS,
  ANSWER_ALIASES,
  batchFileName,
  type BpjsColumn,
} from './bpjs-layout.ts';
export { exportBatch, writeBatch, downloadBatch } from './export-batch.ts';
export { loadBatch } from './batch-summary.ts';
export { getBpjsExchange, getBatch } from './get-exchange.ts';
export { importResults } from './import-results.ts';
export { getResultImport, writeNotAppliedRows, OUTCOME_LABEL } from './get-results.ts';
