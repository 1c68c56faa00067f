import { z } from 'zod';
import { DomainError } from './errors.ts';

/**
 * Zod's own messages (for checks that carry no message of their own) in Bahasa Indonesia.
 * Imported once by the server and by the web app.
 */
z.config(z.locales.id());

export { z };

/** Validates input given to a use-case directly (CLI, jobs): the same messages as the API. */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  fallback: string,
): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new DomainError('VALIDATION', issues[0]?.message ?? fallback, { issues });
}
