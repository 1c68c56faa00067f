/** The in-app path to return to after login; anything else (other sites, the login page) → "/". */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/masuk' || next.startsWith('/masuk?')) return '/';
  return next;
}
