import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MoveRequest,
  MoveRequestList,
  MoveStatus,
} from '../../../core/modules/workers/move-requests.schema.ts';
import { api, isApiError } from '../../lib/api.ts';
import { workerKeys } from '../workers/workers-api.ts';

export const MOVES_PAGE_SIZE = 20;

export const moveKeys = {
  all: ['worker-moves'] as const,
  list: (query: { status?: MoveStatus | undefined; page: number }) =>
    ['worker-moves', 'list', query] as const,
  pending: ['worker-moves', 'pending'] as const,
};

const path = (id: string, step: string) => `/api/worker-moves/${encodeURIComponent(id)}/${step}`;

export function useMoveList(query: { status?: MoveStatus | undefined; page: number }) {
  return useQuery({
    queryKey: moveKeys.list(query),
    queryFn: ({ signal }) =>
      api<MoveRequestList>('/api/worker-moves', {
        query: { ...query, pageSize: MOVES_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** How many requests wait for a decision in the user's area (the badge on the worker list). */
export function usePendingMoveCount(enabled: boolean) {
  return useQuery({
    queryKey: moveKeys.pending,
    queryFn: ({ signal }) =>
      api<MoveRequestList>('/api/worker-moves', {
        query: { status: 'pending', pageSize: 1 },
        signal,
      }),
    select: (list) => list.total,
    enabled,
    staleTime: 30_000,
  });
}

function useChanged() {
  const queryClient = useQueryClient();
  return (r: MoveRequest) => {
    void queryClient.invalidateQueries({ queryKey: moveKeys.all });
    if (r.status === 'approved') {
      // the worker left one village's list and joined another's
      void queryClient.invalidateQueries({ queryKey: [...workerKeys.all, 'list'] });
      if (r.workerId)
        void queryClient.invalidateQueries({ queryKey: workerKeys.detail(r.workerId) });
    }
  };
}

export function useRequestMove() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: { nik: string; toVillage?: string; reason: string }) =>
      api<MoveRequest>('/api/worker-moves', { method: 'POST', body }),
    onSuccess: changed,
  });
}

export type MoveStep = 'approve' | 'reject' | 'withdraw';

export function useMoveStep() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, step, note }: { id: string; step: MoveStep; note?: string }) =>
      api<MoveRequest>(path(id, step), { method: 'POST', body: note ? { note } : {} }),
    onSuccess: changed,
  });
}

/**
 * Messages of a refused request per field: the server names the field in `details.issues` for
 * a refused NIK (unknown, already here, pending: 404 and 409 too) and for input errors (400).
 */
export function issueFor<F extends string>(
  error: unknown,
  fields: readonly F[],
): { field: F; message: string } | null {
  if (!isApiError(error)) return null;
  const issues = (error.details as { issues?: { path?: unknown; message?: unknown }[] } | null)
    ?.issues;
  for (const issue of issues ?? []) {
    const path = typeof issue.path === 'string' ? issue.path : '';
    const field = path
      .split('.')
      .reverse()
      .find((s): s is F => (fields as readonly string[]).includes(s));
    const message = typeof issue.message === 'string' ? issue.message : error.message;
    if (field) return { field, message };
  }
  return null;
}
