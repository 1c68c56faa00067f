import type { Actor } from '../../access/actor.ts';
import { permissionsOf } from '../../access/require-permission.ts';
import { grantableRoles } from '../../access/role-rank.ts';
import type { Db } from '../../db/client.ts';
import { findRegionNames } from '../regions/index.ts';
import type { Me, UserSummary } from './accounts.schema.ts';
import type { UserRow } from './accounts.repository.ts';

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

export function toMe(u: UserRow): Me {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scope: u.scopeCodes,
    language: u.language,
    permissions: permissionsOf(u.role),
    grantableRoles: grantableRoles(toActor(u)),
  };
}

/** Users as lists and detail pages show them, with the names of their work areas. */
export async function toSummaries(db: Db, rows: UserRow[]): Promise<UserSummary[]> {
  const codes = [...new Set(rows.flatMap((r) => r.scopeCodes))];
  const names = new Map((await findRegionNames(db, codes)).map((r) => [r.code, r.name]));
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scope: u.scopeCodes,
    scopeNames: u.scopeCodes.map((code) => ({ code, name: names.get(code) ?? code })),
    language: u.language,
    active: u.active,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }));
}
