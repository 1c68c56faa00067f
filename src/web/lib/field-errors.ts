import { isApiError } from './api.ts';

/**
 * Field messages from a 400 answer. The server sends `details.issues: [{ path: "isian.villageTerm",
 * message }]`; zod-style arrays and `{ field: message }` maps are read too.
 */
export function fieldErrorsFrom<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  if (!isApiError(error, 400)) return out;
  const details = error.details as { issues?: unknown; fieldErrors?: unknown } | null | undefined;
  const put = (path: unknown, message: unknown) => {
    if (typeof message !== 'string') return;
    const segments = Array.isArray(path)
      ? path.map(String)
      : typeof path === 'string'
        ? path.split(/[./]/)
        : [];
    const field = [...segments]
      .reverse()
      .find((s): s is F => (fields as readonly string[]).includes(s));
    if (field && !out[field]) out[field] = message;
  };
  const issues = Array.isArray(details)
    ? details
    : Array.isArray(details?.issues)
      ? details.issues
      : [];
  for (const issue of issues as {
    path?: unknown;
    instancePath?: unknown;
    field?: unknown;
    message?: unknown;
  }[]) {
    put(issue.path ?? issue.instancePath ?? issue.field, issue.message);
  }
  const map = details?.fieldErrors ?? details;
  if (map && typeof map === 'object' && !Array.isArray(map)) {
    for (const [key, value] of Object.entries(map))
      put(key, Array.isArray(value) ? value[0] : value);
  }
  return out;
}

/** Zod issues (from a client-side safeParse) as field messages. */
export function fieldErrorsFromIssues<F extends string>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fields: readonly F[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = issue.path.find(
      (s): s is F => typeof s === 'string' && (fields as readonly string[]).includes(s),
    );
    if (field && !out[field]) out[field] = issue.message;
  }
  return out;
}
