import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { ChangePasswordBody, SessionList } from './profile-types.ts';

const SESSIONS_KEY = ['auth', 'sessions'] as const;

export function useSessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => api<SessionList>('/api/auth/sessions', { signal }),
    staleTime: 10_000,
  });
}

function useRefreshSessions() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
}

export function useRevokeSession() {
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/api/auth/sessions/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
    onSettled: refresh,
  });
}

export function useRevokeOtherSessions() {
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: () =>
      api<{ revoked: number }>('/api/auth/sessions/revoke-others', { method: 'POST' }),
    onSettled: refresh,
  });
}

/** Changing the password ends the other sessions, so the list is refreshed too. */
export function useChangePassword() {
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      api<void>('/api/auth/password', { method: 'POST', body }),
    onSuccess: refresh,
  });
}
