/**
 * Words and figures as Indonesian messages write them (read by village operators), one place for
 * the whole server: month names, long dates, month spans and rupiah.
 */
export const MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** "1 Januari 2027" for a YYYY-MM-DD date. */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "Januari 2027" for a YYYY-MM month or a YYYY-MM-DD date. */
export function monthName(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "Rp9.878.400": whole rupiah, dots between thousands, no space (PUEBI). */
export function rupiah(n: number): string {
  return `Rp${n.toLocaleString('id-ID')}`;
}
