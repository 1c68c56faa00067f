// Months and shares as Indonesian public records write them, whatever the interface language.
const monthFormat = new Intl.DateTimeFormat('id-ID', {
  month: 'long',
  year: 'numeric',
  timeZone: 'Asia/Jakarta',
});
const shortMonthFormat = new Intl.DateTimeFormat('id-ID', {
  month: 'short',
  year: 'numeric',
  timeZone: 'Asia/Jakarta',
});
const percentFormat = new Intl.NumberFormat('id-ID', {
  style: 'percent',
  maximumFractionDigits: 1,
});

const asDate = (month: string) => new Date(`${month.slice(0, 7)}-01T00:00:00+07:00`);

/** "2027-01" → "Januari 2027". */
export function formatMonth(month: string): string {
  return monthFormat.format(asDate(month));
}

/** "Jan 2027 – Des 2027" (a table cell). */
export function formatPeriod(first: string, last: string): string {
  return `${shortMonthFormat.format(asDate(first))} – ${shortMonthFormat.format(asDate(last))}`;
}

/** Filled seats as a share of the seats: "12,5%", or "–" when there are no seats. */
export function formatFill(filled: number, seats: number): string {
  return seats > 0 ? percentFormat.format(filled / seats) : '–';
}

/** 0–100 for a progress bar. */
export function fillPercent(filled: number, seats: number): number {
  return seats > 0 ? Math.min(100, (filled / seats) * 100) : 0;
}
