/**
 * NIKs from pasted text or a plain file (one a line, or separated by commas, semicolons, tabs):
 * every run of 16 digits, in order, each once. Spaces, dots and dashes inside a NIK are allowed
 * ("1508 0141 0785 0001"), as people type them.
 */
export function niksFromText(text: string): { niks: string[]; ignored: string[] } {
  const niks: string[] = [];
  const ignored: string[] = [];
  for (const raw of text.split(/[\n\r,;\t]+/)) {
    const cell = raw.trim();
    if (!cell) continue;
    const digits = cell.replace(/[\s.-]/g, '');
    const found = /^\d{16}$/.test(digits) ? [digits] : (cell.match(/\d{16}/g) ?? []);
    if (found.length === 0) ignored.push(cell);
    for (const nik of found) if (!niks.includes(nik)) niks.push(nik);
  }
  return { niks, ignored };
}
