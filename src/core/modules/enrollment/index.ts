export * from './enrollment.schema.ts';
export { proposeEnrollments } from './propose-enrollments.ts';
export { suggestCandidates } from './suggest-candidates.ts';
export {
  approveEnrollments,
  returnEnrollments,
  takeEnrollmentStep,
  verifyEnrollments,
  withdrawEnrollments,
  type ChainStep,
} from './enrollment-steps.ts';
export { listEnrollments } from './list-enrollments.ts';
export { enrollmentOverview } from './enrollment-overview.ts';
export { exportParticipants, type ParticipantsFormat } from './export-participants.ts';
