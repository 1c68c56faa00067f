import { createHash, randomBytes } from 'node:crypto';

export interface AuthPolicy {
  /** A session ends after this long without a request. */
  idleMinutes: number;
  /** …and in any case this long after login. */
  maxHours: number;
  /** Failed logins in a row before the account is locked… */
  lockAfterFailures: number;
  /** …for this long. */
  lockMinutes: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  idleMinutes: 60,
  maxHours: 12,
  lockAfterFailures: 5,
  lockMinutes: 15,
};

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash of a token is stored: a copy of the database does not hold usable sessions. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
