import { z } from 'zod';

export const ImportMode = z.enum(['preview', 'commit']);

export const ImportCounts = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Created or updated rows that carry NIK warnings (a subset, not added to the total). */
  warned: z.number().int(),
  rejected: z.number().int(),
  /** Residents of an OpenSID register that are not workers (students, pensioners, wage earners, not alive). */
  skipped: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportSummary = z.object({
  id: z.string(),
  /** `uploading`: the file is still being stored on the server; the job is queued after that. */
  status: z.enum(['uploading', 'queued', 'running', 'done', 'failed', 'cancelled', 'interrupted']),
  mode: ImportMode,
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  layout: z.enum(['jaring', 'opensid', 'minimal']),
  villageCode: z.string().nullable(),
  counts: ImportCounts,
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /**
   * How far a background import has come: bytes of the file read (while uploading: stored), last
   * line committed.
   */
  progress: z.object({
    bytesDone: z.number().int(),
    bytesTotal: z.number().int(),
    linesDone: z.number().int(),
    /** 0–100, from the bytes read (the number of rows is known only at the end). */
    percent: z.number().int(),
  }),
  cancelRequested: z.boolean(),
  /** Of a preview saved later from its kept file: the commit import it became (saved once). */
  commitId: z.string().nullable(),
  /**
   * Of a finished preview not saved yet: until when its file is kept on the server, so that it
   * can be saved without choosing the file again (POST /api/imports/{id}/commit); null otherwise.
   */
  fileKeptUntil: z.string().nullable(),
  /** Rows not written, with the reason (the first 500; all of the rejected ones in rejected.xlsx). */
  rows: z.array(
    z.object({
      line: z.number().int(),
      outcome: z.enum(['rejected', 'skipped']),
      reason: z.string(),
    }),
  ),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
