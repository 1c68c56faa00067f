import { describe, expect, it } from 'vitest';
import { countsAddUp, sentenceTerms } from './import-counts.ts';

const counts = {
  total: 97,
  created: 39,
  updated: 0,
  unchanged: 0,
  warned: 3,
  rejected: 0,
  skipped: 58,
};

describe('import counts', () => {
  it('adds the outcomes up to the rows, the warned subset aside', () => {
    expect(countsAddUp(counts)).toBe(true);
    expect(countsAddUp({ ...counts, rejected: 1 })).toBe(false);
  });

  it('names only the outcomes that happened', () => {
    expect(sentenceTerms(counts)).toEqual(['created', 'skipped']);
    expect(sentenceTerms({ ...counts, total: 0, created: 0, skipped: 0 })).toEqual(['created']);
  });
});
