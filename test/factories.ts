import type { Actor, Role } from '../src/core/access/actor.ts';
import { createUser, type UserSummary } from '../src/core/modules/accounts/index.ts';
import type { TestDatabase } from './test-db.ts';

let counter = 0;

export interface UserFixture {
  me: UserSummary;
  password: string;
  actor: Actor;
}

/** Inserts a real user through the use-case (so it is audited like any other). */
export async function aUser(
  tdb: TestDatabase,
  opts: { role?: Role; scope?: string | readonly string[]; username?: string } = {},
): Promise<UserFixture> {
  counter += 1;
  const password = `sandi-uji-${counter}-panjang`;
  const me = await createUser(tdb.ctx(), {
    username: opts.username ?? `pengguna${counter}`,
    displayName: `Pengguna Uji ${counter}`,
    password,
    role: opts.role ?? 'admin',
    ...(opts.scope !== undefined
      ? { scope: typeof opts.scope === 'string' ? opts.scope : [...opts.scope] }
      : {}),
  });
  return {
    me,
    password,
    actor: {
      kind: 'user',
      id: me.id,
      username: me.username,
      displayName: me.displayName,
      role: me.role,
      scope: me.scope,
    },
  };
}
