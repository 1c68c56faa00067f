/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is
 * written as text with a leading apostrophe: exports must not carry formula injection. A lone "-"
 * (OpenSID's "no value") cannot be a formula and is left as it is.
 */
export function neutraliseCell(v: string): string {
  return v !== '-' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
