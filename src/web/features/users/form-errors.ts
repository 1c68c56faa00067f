import { isApiError } from '../../lib/api.ts';
import { fieldErrorsFrom } from '../../lib/field-errors.ts';

/**
 * Field messages from an API error, and the error to show in an Alert when none of them belongs
 * to a field of the form (403, 500, network…). A 409 on the username and an error whose
 * `details.field` names a field of the form are shown at that field. `aliases` maps other names
 * the server uses for a field (the password policy reports `password` for `newPassword`).
 */
export function formErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  aliases: Record<string, F> = {},
) {
  const names = [...fields, ...Object.keys(aliases)];
  const raw: Partial<Record<string, string>> = fieldErrorsFrom(error, names);
  const byField: Partial<Record<F, string>> = {};
  for (const [name, message] of Object.entries(raw)) {
    const field = (aliases[name] ?? name) as F;
    byField[field] ??= message;
  }
  const isField = (name: unknown): name is F =>
    typeof name === 'string' && (fields as readonly string[]).includes(name);
  if (isApiError(error)) {
    const field = (error.details as { field?: unknown } | null | undefined)?.field;
    if (isField(field)) byField[field] ??= error.message;
    const username = 'username';
    if (error.status === 409 && isField(username)) byField[username] ??= error.message;
  }
  const general = error instanceof Error && Object.keys(byField).length === 0 ? error : null;
  return { byField, general };
}
