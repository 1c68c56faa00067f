/**
 * The SQLSTATE of a database error, however it arrives: drizzle wraps the driver's error (pg or
 * PGlite) and keeps it as `cause`.
 */
export function sqlStateOf(e: unknown): string | undefined {
  const own = (e as { code?: unknown } | undefined)?.code;
  const cause = (e as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof cause === 'string' ? cause : typeof own === 'string' ? own : undefined;
}

/** 23505: a unique key refused the row (a NIK registered meanwhile, a second pending request). */
export const isUniqueViolation = (e: unknown) => sqlStateOf(e) === '23505';

/** 23P01: an exclusion constraint refused the row (no double funding, migration 0009). */
export const isExclusionViolation = (e: unknown) => sqlStateOf(e) === '23P01';
