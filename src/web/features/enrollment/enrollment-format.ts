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
