import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api.ts';
import { ME_QUERY_KEY } from '../../lib/query-client.ts';
import type { Me } from './auth-types.ts';

export async function fetchMe(): Promise<Me | null> {
  try {
    const res = await api<{ user: Me }>('/api/auth/me');
    return res.user;
  } catch (err) {
    if (isApiError(err, 401)) return null;
    throw err;
  }
}

export async function login(username: string, password: string): Promise<Me> {
  const res = await api<{ user: Me }>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
  });
  return res.user;
}

export async function logout(): Promise<void> {
  await api<void>('/api/auth/logout', { method: 'POST' });
}

/** Who is logged in: a user, or null when there is no session. */
export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}
