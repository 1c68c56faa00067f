// Numbers, money and dates are written the Indonesian way whatever the interface language:
// the figures are Indonesian public records.
const LOCALE = 'id-ID';

const numberFormat = new Intl.NumberFormat(LOCALE);
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'Asia/Jakarta' });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Jakarta',
});

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** Integer rupiah as Indonesian spelling writes it (PUEBI): "Rp16.800", no space, no decimals. */
export function formatRupiah(amount: number): string {
  const whole = Math.round(amount);
  return `${whole < 0 ? '-' : ''}Rp${numberFormat.format(Math.abs(whole))}`;
}

/** A `YYYY-MM-DD` date or an ISO timestamp as a long Indonesian date. */
export function formatDate(value: string | Date): string {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00+07:00`)
      : new Date(value);
  return dateFormat.format(date);
}

const shortDateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  timeZone: 'Asia/Jakarta',
});

/** A `YYYY-MM-DD` date as "01 Jul 1985" (a birth date in a table). */
export function formatShortDate(value: string): string {
  return shortDateFormat.format(new Date(`${value}T00:00:00+07:00`));
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

const partsFormat = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Jakarta',
});

function jakartaParts(value: string | Date): Record<string, string> {
  const parts = partsFormat.formatToParts(new Date(value));
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** "14:05" in Asia/Jakarta. */
export function formatTime(value: string | Date): string {
  const p = jakartaParts(value);
  return `${p.hour}:${p.minute}`;
}

/** "05 Nov 2026 14:05:09" in Asia/Jakarta: audit records need the second. */
export function formatTimestamp(value: string | Date): string {
  const p = jakartaParts(value);
  return `${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today in Asia/Jakarta as YYYY-MM-DD. */
export function todayInJakarta(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}
