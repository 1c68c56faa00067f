import { formatNumber } from '../../lib/format.ts';
import { OUTCOMES } from './import-counts.ts';
import type { ImportSummary } from './imports-api.ts';

export type ImportStatus = ImportSummary['status'];

/** Statuses of a job the server is still working on (polled every second). */
export function isActive(status: ImportStatus): boolean {
  return status === 'uploading' || status === 'queued' || status === 'running';
}

/** A job cut off by a stopped server, or failed, continues after its last saved line. */
export function canResume(status: ImportStatus): boolean {
  return status === 'interrupted' || status === 'failed';
}

export const STATUS_COLOR: Record<ImportStatus, string> = {
  uploading: 'cyan',
  queued: 'gray',
  running: 'blue',
  done: 'teal',
  failed: 'red',
  cancelled: 'orange',
  interrupted: 'yellow',
};

export interface Message {
  /** An i18n key under imports.statusText. */
  key: string;
  values: Record<string, string>;
}

/** The sentence that says where an import stands, with how far it got when it stopped early. */
export function statusMessage(summary: ImportSummary): Message {
  const { status, mode, counts, progress } = summary;
  const values = { line: formatNumber(progress.linesDone), n: formatNumber(counts.total) };
  const key = (k: string): Message => ({ key: `imports.statusText.${k}`, values });
  switch (status) {
    case 'uploading':
      return key('uploading');
    case 'queued':
      return key(progress.linesDone > 0 ? 'queuedAgain' : 'queued');
    case 'running':
      return key(summary.cancelRequested ? 'cancelling' : 'running');
    case 'done':
      return key('done');
    case 'failed':
      return {
        key: `imports.statusText.${counts.total > 0 ? `failedPartial.${mode}` : 'failed'}`,
        values: { ...values, error: summary.error ?? '' },
      };
    case 'cancelled':
      // not cancelled by a person: its file was not stored whole (the server said why)
      if (summary.error) {
        return { key: 'imports.statusText.notRun', values: { ...values, error: summary.error } };
      }
      return key(progress.linesDone > 0 ? 'cancelled' : 'cancelledEarly');
    case 'interrupted':
      return key(`interrupted.${mode}`);
  }
}

/** The outcomes told while a job runs: always the three the user watches, the others once they occur. */
export function progressTerms(counts: ImportSummary['counts']): (typeof OUTCOMES)[number][] {
  return OUTCOMES.filter(
    (k) => k === 'created' || k === 'updated' || k === 'rejected' || counts[k] > 0,
  );
}

/** Seconds from the upload to the end (or to now while the job runs); never negative. */
export function elapsedSeconds(summary: ImportSummary, now: Date): number {
  const end = summary.finishedAt ? new Date(summary.finishedAt) : now;
  return Math.max(0, Math.floor((end.getTime() - new Date(summary.createdAt).getTime()) / 1000));
}

/** "0:05", "12:05", "1:02:05": a clock, readable in any language. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** Whole percent of an upload sent, 0–100. */
export function uploadPercent(loaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

const sizeFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** A file size the Indonesian way: "850 KB", "12,5 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${sizeFormat.format(Math.max(0, bytes) / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}
