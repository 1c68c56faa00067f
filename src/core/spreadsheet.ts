/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is
 * written as text with a leading apostrophe: exports must not carry formula injection.
 */
export function neutraliseCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
