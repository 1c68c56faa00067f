import type { ImportSummary } from './imports-api.ts';

type Counts = ImportSummary['counts'];
export type CountKey = keyof Counts;

/** The outcomes that add up to the rows of the file, in the order they are told. */
export const OUTCOMES = ['created', 'updated', 'unchanged', 'rejected', 'skipped'] as const;

/** The cards, in order: rows, the outcomes, and the warned subset beside what was written. */
export const COUNT_CARDS: CountKey[] = [
  'total',
  'created',
  'updated',
  'unchanged',
  'warned',
  'rejected',
  'skipped',
];

/** Whether every row has exactly one outcome (the server promises it; the page checks it). */
export function countsAddUp(counts: Counts): boolean {
  return OUTCOMES.reduce((sum, k) => sum + counts[k], 0) === counts.total;
}

/** The outcomes to name in the sum sentence: those that happened, or "created" when none did. */
export function sentenceTerms(counts: Counts): (typeof OUTCOMES)[number][] {
  const terms = OUTCOMES.filter((k) => counts[k] > 0);
  return terms.length > 0 ? terms : ['created'];
}
