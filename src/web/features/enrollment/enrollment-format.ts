import type { EnrollmentStatus } from '../../../core/rules/enrollment-status.ts';

const MONTH = new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' });
const monthName = (day: string) => MONTH.format(new Date(`${day.slice(0, 7)}-01T00:00:00Z`));

/**
 * The months of a seat or a program, Indonesian style whatever the interface language (they are
 * public records): "Januari–Desember 2027", "April 2027 – Maret 2028", "Mei 2027".
 */
export function monthRange(first: string, last: string): string {
  const fy = first.slice(0, 4);
  const ly = last.slice(0, 4);
  if (first.slice(0, 7) === last.slice(0, 7)) return `${monthName(first)} ${fy}`;
  if (fy === ly) return `${monthName(first)}–${monthName(last)} ${fy}`;
  return `${monthName(first)} ${fy} – ${monthName(last)} ${ly}`;
}

/** The actor's own village (an account working in exactly one village), as the server decides. */
export function ownVillage(scope: readonly string[]): string | undefined {
  return scope.length === 1 && /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(scope[0]!)
    ? scope[0]
    : undefined;
}

/** One colour per enrollment status, on every page that shows one. */
export const ENROLLMENT_STATUS_COLOR: Record<EnrollmentStatus, string> = {
  proposed: 'blue',
  verified: 'indigo',
  approved: 'teal',
  sent: 'violet',
  active: 'green',
  ended: 'gray',
  returned: 'orange',
  rejected: 'red',
  withdrawn: 'gray',
};

/**
 * How many wait in a queue, and whether more wait than the loaded page holds (the queue loads
 * one page; the heading must not claim that page is everything).
 */
export function queueSize(
  page: { total: number; items: readonly unknown[] } | undefined,
  actionable: number,
): { waiting: number; more: boolean } {
  const waiting = Math.max(page?.total ?? 0, actionable);
  return { waiting, more: waiting > (page?.items.length ?? 0) };
}

/**
 * The mutasi steps a row offers: the regency office ends a seat that is protected or on its
 * way (sent to BPJS); a seat that has ended can be given to a replacement. The server decides
 * in the end (the approved-only refusal, a seat already replaced, a closed program).
 */
export function mutasiActions(
  status: EnrollmentStatus,
  may: { end: boolean; replace: boolean },
  replacedBy: string | null = null,
): { end: boolean; replace: boolean } {
  return {
    end: may.end && (status === 'active' || status === 'sent'),
    // once someone took the seat it left, it is not offered again
    replace: may.replace && status === 'ended' && replacedBy === null,
  };
}
