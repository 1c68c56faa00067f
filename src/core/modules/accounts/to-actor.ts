import type { Actor } from '../../access/actor.ts';
import type { Me } from './accounts.schema.ts';
import type { UserRow } from './accounts.repository.ts';

export function toMe(u: UserRow): Me {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scope: u.scopeCodes,
    language: u.language,
  };
}

export function toActor(u: UserRow, sessionId?: string): Actor {
  return {
    kind: 'user',
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scope: u.scopeCodes,
    ...(sessionId ? { sessionId } : {}),
  };
}
