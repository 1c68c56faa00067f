import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ListWorkersQuery,
  WorkerDetail,
  WorkerIdentity,
  WorkerInput,
  WorkerList,
  WorkerPatch,
} from '../../../core/modules/workers/workers.schema.ts';
import { api } from '../../lib/api.ts';

export const WORKERS_PAGE_SIZE = 25;

/** The list query as the address gives it: strings, before the server coerces them. */
export type WorkerListParams = Partial<
  Record<Exclude<keyof ListWorkersQuery, 'page' | 'pageSize'>, string>
> & { page: number; pageSize: number };

export const workerKeys = {
  all: ['workers'] as const,
  list: (query: WorkerListParams) => ['workers', 'list', query] as const,
  detail: (id: string) => ['workers', 'detail', id] as const,
};

const path = (id: string) => `/api/workers/${encodeURIComponent(id)}`;

export function useWorkerList(query: WorkerListParams) {
  return useQuery({
    queryKey: workerKeys.list(query),
    queryFn: ({ signal }) => api<WorkerList>('/api/workers', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useWorker(id: string) {
  return useQuery({
    queryKey: workerKeys.detail(id),
    queryFn: ({ signal }) => api<WorkerDetail>(path(id), { signal }),
  });
}

function useWorkerSaved() {
  const queryClient = useQueryClient();
  return (worker: WorkerDetail) => {
    queryClient.setQueryData(workerKeys.detail(worker.id), worker);
    void queryClient.invalidateQueries({ queryKey: [...workerKeys.all, 'list'] });
  };
}

export function useCreateWorker() {
  const saved = useWorkerSaved();
  return useMutation({
    mutationFn: (body: WorkerInput) => api<WorkerDetail>('/api/workers', { method: 'POST', body }),
    onSuccess: saved,
  });
}

export function useUpdateWorker(id: string) {
  const saved = useWorkerSaved();
  return useMutation({
    mutationFn: (body: WorkerPatch) => api<WorkerDetail>(path(id), { method: 'PATCH', body }),
    onSuccess: saved,
  });
}

export function useConfirmWarnings(id: string) {
  const saved = useWorkerSaved();
  return useMutation({
    mutationFn: () => api<WorkerDetail>(`${path(id)}/confirm-warnings`, { method: 'POST' }),
    onSuccess: saved,
  });
}

/** Full NIK, KK and KPJ: each call is written to the audit trail, so only on request. */
export function useRevealIdentity(id: string) {
  return useMutation({
    mutationFn: () => api<z.infer<typeof WorkerIdentity>>(`${path(id)}/identity`),
  });
}
