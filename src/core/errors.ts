/**
 * Domain error codes. The HTTP error handler (src/server/error-handler.ts) is the only place that
 * turns them into statuses.
 *
 * - UNAUTHENTICATED: no valid session (401)
 * - FORBIDDEN: the actor may not do this (403)
 * - NOT_FOUND: no such record, or it is outside the actor's scope (404)
 * - VALIDATION: input is malformed (400)
 * - CONFLICT: the change contradicts existing data (409)
 * - INVALID_TRANSITION: a workflow step not allowed from the current state (409)
 * - QUOTA_EXCEEDED: no seat left (409)
 * - LOCKED: the account is temporarily locked after failed logins (423)
 * - UNAVAILABLE: a dependency (database, file) cannot be used right now (503)
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'QUOTA_EXCEEDED'
  | 'LOCKED'
  | 'UNAVAILABLE';

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
