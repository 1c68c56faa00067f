import i18n from '../i18n/index.ts';

/** An error answered by the API as `{ error: { code, message, details } }`, or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}

type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** Paths whose 401 means "not logged in" rather than "session ended": they must not trigger a re-check. */
const AUTH_PATHS = new Set(['/api/auth/login', '/api/auth/me']);

let unauthorizedHandler: (() => void) | undefined;

/** Called when any request (except login and me) answers 401: the session has ended. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

/** `path` with the non-empty values of `query` as its query string (e.g. for a download link). */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function fallbackMessage(status: number): string {
  if (status === 401) return i18n.t('errors.unauthorized');
  if (status === 403) return i18n.t('errors.forbidden');
  if (status === 404) return i18n.t('errors.notFound');
  if (status === 413) return i18n.t('errors.tooLarge');
  if (status === 429) return i18n.t('errors.tooManyRequests');
  if (status >= 500) return i18n.t('errors.server');
  return i18n.t('errors.generic');
}

async function toApiError(res: Response): Promise<ApiError> {
  let payload: unknown;
  try {
    payload = await res.json();
  } catch {
    payload = undefined;
  }
  const body = (payload ?? {}) as { error?: unknown; message?: unknown; code?: unknown };
  const error = (typeof body.error === 'object' && body.error !== null ? body.error : {}) as {
    code?: unknown;
    message?: unknown;
    details?: unknown;
  };
  const message =
    typeof error.message === 'string' && error.message
      ? error.message
      : typeof body.message === 'string' && body.message
        ? body.message
        : fallbackMessage(res.status);
  const code =
    typeof error.code === 'string'
      ? error.code
      : typeof body.code === 'string'
        ? body.code
        : `HTTP_${res.status}`;
  return new ApiError(res.status, code, message, error.details);
}

/** JSON request to the Jaring API. Resolves with the parsed body (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (method !== 'GET') {
    // The server only accepts state-changing requests as JSON (a CSRF guard), so always send a body.
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !AUTH_PATHS.has(path)) unauthorizedHandler?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * A multipart/form-data POST (a file upload). The browser sets the content type with its
 * boundary; the answer and its errors are read as for {@link api}.
 */
export async function apiUpload<T>(
  path: string,
  form: FormData,
  options: { query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: form,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401) unauthorizedHandler?.();
    throw error;
  }
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
