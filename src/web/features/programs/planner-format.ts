// Months are written the Indonesian way whatever the interface language, as lib/format.ts does.
const monthFormat = new Intl.DateTimeFormat('id-ID', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2027-01" → "Januari 2027". */
export function formatMonth(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}

/** "Januari 2027" or "Januari 2027 – Desember 2027". */
export function formatMonthRange(first: string, last: string): string {
  return first === last ? formatMonth(first) : `${formatMonth(first)} – ${formatMonth(last)}`;
}

/** A basis-point share as an Indonesian percentage: 100 → "1%", 250 → "2,5%". */
export function formatBasisPoints(bp: number): string {
  return `${(bp / 100).toLocaleString('id-ID')}%`;
}
