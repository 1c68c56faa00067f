import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/actor.ts';
import { findLiveSession, touchSession } from './accounts.repository.ts';
import { sessionIdOf, type AuthPolicy } from './session-token.ts';
import { toActor, toMe } from './to-actor.ts';
import type { Me } from './accounts.schema.ts';

/** Writing last_seen_at on every request would turn each read into a write: once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/** The actor behind a session cookie, or undefined when the session is unknown, revoked, idle or expired. */
export async function authenticateSession(
  db: Db,
  token: string,
  now: Date,
  policy: AuthPolicy,
): Promise<{ actor: Actor; me: Me } | undefined> {
  const id = sessionIdOf(token);
  const found = await findLiveSession(db, id, now);
  if (!found || !found.user.active) return undefined;
  const idleMs = now.getTime() - found.session.lastSeenAt.getTime();
  if (idleMs > policy.idleMinutes * 60_000) return undefined;
  if (idleMs > TOUCH_EVERY_MS) await touchSession(db, id, now);
  return { actor: toActor(found.user, id), me: toMe(found.user) };
}
