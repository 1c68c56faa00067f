const KEEP_UPPER = new Set(['DKI', 'DI', 'II', 'III', 'IV']);
const KEEP_LOWER = new Set(['dan']);

/**
 * Older releases of the register write province and regency names in capitals ("KABUPATEN
 * BUNGO"); newer ones, like the decree, in title case ("Kabupaten Bungo"). Names written all in
 * capitals are brought to the decree's form; names already in mixed case are left as they are.
 */
export function normaliseRegionName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase() || !/\p{L}/u.test(trimmed)) return trimmed;
  return trimmed
    .split(' ')
    .map((word, i) => {
      if (KEEP_UPPER.has(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && KEEP_LOWER.has(lower)) return lower;
      return lower.replace(
        /(^|[-(/'])(\p{L})/gu,
        (_, sep: string, ch: string) => sep + ch.toUpperCase(),
      );
    })
    .join(' ');
}
