import { describe, expect, it } from 'vitest';
import {
  canResume,
  elapsedSeconds,
  formatElapsed,
  formatSize,
  isActive,
  progressTerms,
  statusMessage,
  uploadPercent,
} from './import-status.ts';
import type { ImportSummary } from './imports-api.ts';

const zero = { total: 0, created: 0, updated: 0, unchanged: 0, warned: 0, rejected: 0, skipped: 0 };

function summary(patch: Partial<ImportSummary> = {}): ImportSummary {
  return {
    id: 'a1',
    status: 'running',
    mode: 'commit',
    fileName: 'pekerja.xlsx',
    format: 'xlsx',
    layout: 'jaring',
    villageCode: null,
    counts: zero,
    error: null,
    createdAt: '2026-05-04T03:00:00.000Z',
    finishedAt: null,
    progress: { bytesDone: 0, bytesTotal: 1000, linesDone: 0, percent: 0 },
    cancelRequested: false,
    commitId: null,
    fileKeptUntil: null,
    rows: [],
    ...patch,
  };
}

const at = (linesDone: number, total: number, patch: Partial<ImportSummary> = {}) =>
  summary({
    counts: { ...zero, total, created: total },
    progress: { bytesDone: 10, bytesTotal: 100, linesDone, percent: 10 },
    ...patch,
  });

describe('import status', () => {
  it('polls only what the server still works on, and resumes only what stopped early', () => {
    expect(
      ['uploading', 'queued', 'running'].every((s) => isActive(s as ImportSummary['status'])),
    ).toBe(true);
    expect(canResume('uploading')).toBe(false);
    expect(isActive('done')).toBe(false);
    expect(isActive('interrupted')).toBe(false);
    expect(canResume('interrupted')).toBe(true);
    expect(canResume('failed')).toBe(true);
    expect(canResume('cancelled')).toBe(false);
    expect(canResume('done')).toBe(false);
  });

  it('tells how far a cancelled import got, in Indonesian numbers', () => {
    expect(statusMessage(at(24001, 24000, { status: 'cancelled' }))).toEqual({
      key: 'imports.statusText.cancelled',
      values: { line: '24.001', n: '24.000' },
    });
    expect(statusMessage(summary({ status: 'cancelled' })).key).toBe(
      'imports.statusText.cancelledEarly',
    );
  });

  it('tells what an interrupted import already saved or checked', () => {
    const stopped = at(40001, 40000, { status: 'interrupted' });
    expect(statusMessage(stopped)).toEqual({
      key: 'imports.statusText.interrupted.commit',
      values: { line: '40.001', n: '40.000' },
    });
    expect(statusMessage({ ...stopped, mode: 'preview' }).key).toBe(
      'imports.statusText.interrupted.preview',
    );
  });

  it('gives the error of a failed import, and what was kept before it', () => {
    expect(statusMessage(summary({ status: 'failed', error: 'Berkas rusak' }))).toMatchObject({
      key: 'imports.statusText.failed',
      values: { error: 'Berkas rusak' },
    });
    expect(statusMessage(at(2001, 2000, { status: 'failed', error: 'x' })).key).toBe(
      'imports.statusText.failedPartial.commit',
    );
  });

  it('tells that the file is still being stored, and why an upload cut off was not run', () => {
    expect(statusMessage(summary({ status: 'uploading' })).key).toBe(
      'imports.statusText.uploading',
    );
    const reason = 'Penyimpanan berkas di server terputus sebelum selesai (server berhenti).';
    expect(statusMessage(summary({ status: 'cancelled', error: reason }))).toMatchObject({
      key: 'imports.statusText.notRun',
      values: { error: reason },
    });
  });

  it('names the other statuses, a cancel on its way and a queued resume', () => {
    expect(statusMessage(summary({ status: 'queued' })).key).toBe('imports.statusText.queued');
    expect(statusMessage(at(2001, 2000, { status: 'queued' })).key).toBe(
      'imports.statusText.queuedAgain',
    );
    expect(statusMessage(summary()).key).toBe('imports.statusText.running');
    expect(statusMessage(summary({ cancelRequested: true })).key).toBe(
      'imports.statusText.cancelling',
    );
    expect(statusMessage(summary({ status: 'done' })).key).toBe('imports.statusText.done');
  });

  it('always tells created, updated and rejected while running, the others once they occur', () => {
    expect(progressTerms(zero)).toEqual(['created', 'updated', 'rejected']);
    expect(progressTerms({ ...zero, skipped: 3, unchanged: 1 })).toEqual([
      'created',
      'updated',
      'unchanged',
      'rejected',
      'skipped',
    ]);
  });
});

describe('import progress formatting', () => {
  it('counts the time from the upload to the end, or to now while running', () => {
    const now = new Date('2026-05-04T03:02:05.900Z');
    expect(elapsedSeconds(summary(), now)).toBe(125);
    expect(elapsedSeconds(summary({ finishedAt: '2026-05-04T03:00:07.000Z' }), now)).toBe(7);
    // a browser clock behind the server's never shows a negative time
    expect(elapsedSeconds(summary(), new Date('2026-05-04T02:59:00.000Z'))).toBe(0);
  });

  it('writes the time as a clock', () => {
    expect(formatElapsed(5)).toBe('0:05');
    expect(formatElapsed(725)).toBe('12:05');
    expect(formatElapsed(3725)).toBe('1:02:05');
  });

  it('gives whole upload percents within 0–100', () => {
    expect(uploadPercent(0, 0)).toBe(0);
    expect(uploadPercent(1, 3)).toBe(33);
    expect(uploadPercent(999, 1000)).toBe(99);
    expect(uploadPercent(1000, 1000)).toBe(100);
  });

  it('writes sizes with an Indonesian decimal comma', () => {
    expect(formatSize(512)).toBe('0,5 KB');
    expect(formatSize(12.5 * 1024 * 1024)).toBe('12,5 MB');
    expect(formatSize(100 * 1024 * 1024)).toBe('100 MB');
  });
});
