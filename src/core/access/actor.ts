import type { Role } from '../db/schema/accounts.ts';

export type { Role } from '../db/schema/accounts.ts';
export { ROLES } from '../db/schema/accounts.ts';

/** Who is acting: a logged-in user, or the system itself (start-up, CLI, background jobs). */
export type Actor =
  | {
      kind: 'user';
      id: string;
      username: string;
      displayName: string;
      role: Role;
      /** Region codes this user works in; empty = whole country (admin). */
      scope: string[];
      sessionId?: string;
    }
  | { kind: 'system'; name: string };

export function systemActor(name = 'sistem'): Actor {
  return { kind: 'system', name };
}

export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.username : actor.name;
}
