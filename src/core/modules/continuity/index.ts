export * from './continuity.schema.ts';
export { endEnrollment } from './end-enrollment.ts';
export { replaceEnrollment } from './replace-enrollment.ts';
export { listEndingSoon } from './list-ending-soon.ts';
export { renewProgram } from './renew-program.ts';
export { exportEndingSoon, type EndingSoonFormat } from './export-ending-soon.ts';
