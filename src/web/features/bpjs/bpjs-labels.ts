import {
  APPLIED,
  RESULT_OUTCOMES,
  type ResultCounts,
  type ResultOutcome,
} from '../../../core/modules/bpjs/bpjs.schema.ts';
import { ENROLLMENT_STATUS_COLOR } from '../enrollment/enrollment-format.ts';

export { APPLIED, RESULT_OUTCOMES, type ResultCounts, type ResultOutcome };

/** Colours of an answer's outcomes: applied ones green/red/grey, the others amber. */
export const OUTCOME_COLOR: Record<ResultOutcome, string> = {
  accepted: 'teal',
  rejected: 'red',
  unchanged: 'gray',
  unknown_nik: 'orange',
  not_in_program: 'orange',
  duplicate: 'orange',
  conflict: 'orange',
  invalid: 'orange',
};

/**
 * Enrollment statuses a batch's workers can be in, with the same badge colours as the
 * participants page (one status, one colour everywhere).
 */
export const STATUS_COLOR: Record<string, string> = ENROLLMENT_STATUS_COLOR;

/** The order statuses are listed in a summary. */
export const STATUS_ORDER = ['approved', 'sent', 'active', 'rejected', 'ended'] as const;

/** The outcomes with a count, in the layout's order: "2 diterima + 1 ditolak + …". */
export function outcomeTerms(counts: ResultCounts): ResultOutcome[] {
  return RESULT_OUTCOMES.filter((o) => counts[o] > 0);
}

export function notAppliedCount(counts: ResultCounts): number {
  return RESULT_OUTCOMES.filter((o) => !APPLIED.has(o)).reduce((n, o) => n + counts[o], 0);
}
