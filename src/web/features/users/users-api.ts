import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type {
  CreateUserBody,
  UpdateUserBody,
  UserList,
  UserListQuery,
  UserSummary,
} from './users-types.ts';

export const USERS_PAGE_SIZE = 25;

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

const path = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export function useUserList(query: UserListQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => api<UserList>('/api/users', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => api<UserSummary>(path(id), { signal }),
  });
}

/** After any change the lists and the user's own detail are stale. */
function useUserSaved() {
  const queryClient = useQueryClient();
  return (user: UserSummary) => {
    queryClient.setQueryData(userKeys.detail(user.id), user);
    void queryClient.invalidateQueries({ queryKey: [...userKeys.all, 'list'] });
  };
}

export function useCreateUser() {
  const saved = useUserSaved();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api<UserSummary>('/api/users', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateUser(id: string) {
  const saved = useUserSaved();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => api<UserSummary>(path(id), { method: 'PATCH', body }),
    onSuccess: saved,
  });
}

export function useSetUserActive(id: string) {
  const saved = useUserSaved();
  return useMutation({
    mutationFn: (active: boolean) =>
      api<UserSummary>(`${path(id)}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' }),
    onSuccess: saved,
  });
}

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: (newPassword: string) =>
      api<void>(`${path(id)}/reset-password`, { method: 'POST', body: { newPassword } }),
  });
}
