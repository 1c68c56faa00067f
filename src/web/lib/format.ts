// Numbers, money and dates are written the Indonesian way whatever the interface language:
// the figures are Indonesian public records.
const LOCALE = 'id-ID';

const numberFormat = new Intl.NumberFormat(LOCALE);
const rupiahFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'Asia/Jakarta' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Jakarta',
});

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** Integer rupiah, e.g. "Rp 16.800". */
export function formatRupiah(amount: number): string {
  return rupiahFormat.format(amount);
}

/** A `YYYY-MM-DD` date or an ISO timestamp as a long Indonesian date. */
export function formatDate(value: string | Date): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00+07:00`)
      : new Date(value);
  return dateFormat.format(date);
}

export function formatDateTime(value: string | Date): string {
  return dateTimeFormat.format(new Date(value));
}

/** "dusun" → "Dusun", "wali nagari" → "Wali Nagari". */
export function capitalise(words: string): string {
  return words.replace(
    /(^|[\s-])(\p{L})/gu,
    (_, sep: string, ch: string) => sep + ch.toUpperCase(),
  );
}
