import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Makes a text safe inside a LIKE pattern (\\ % _ are matched as themselves). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` is one of the codes or lies below one of them (prefix match on Kemendagri codes); an
 * empty list matches nothing. Region code columns are in the "C" collation, so this is an index
 * range scan.
 */
export function regionPrefixMatch(column: AnyColumn | SQL, codes: readonly string[]): SQL {
  if (codes.length === 0) return sql`false`;
  const patterns = codes.map((c) => `${escapeLike(c)}.%`);
  return sql`(${column} = ANY(${sql.param([...codes])}::text[]) OR ${column} LIKE ANY(${sql.param(patterns)}::text[]))`;
}
