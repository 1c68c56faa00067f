/**
 * RFC 4180 CSV as PostgreSQL's `COPY … WITH (FORMAT csv)` reads it: a null is an empty unquoted
 * field, an empty string is `""`, and a field with a quote, comma or line break is quoted.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  if (value === '' || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function toCsv(rows: (string | null)[][]): string {
  let out = '';
  for (const row of rows) out += row.map(csvField).join(',') + '\n';
  return out;
}
