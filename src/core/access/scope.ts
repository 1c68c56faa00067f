import type { Actor } from './actor.ts';

/**
 * Region scope is a prefix match on Kemendagri codes: a user scoped to 15.08 sees 15.08 and every
 * code that starts with "15.08.". The system actor and an unscoped admin see everything.
 */
export function isWithinScope(actor: Actor, regionCode: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.role === 'admin' && actor.scope.length === 0) return true;
  return actor.scope.some((s) => regionCode === s || regionCode.startsWith(`${s}.`));
}
