import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Child,
  ChildInput,
  ChildPatch,
  Heir,
  HeirInput,
  HeirPatch,
  LifeStatusInput,
  WorkerFamily,
} from '../../../core/modules/workers/family.schema.ts';
import type { WorkerDetail } from '../../../core/modules/workers/workers.schema.ts';
import { api } from '../../lib/api.ts';
import { workerKeys } from './workers-api.ts';

export const familyKey = (workerId: string) => ['workers', 'family', workerId] as const;

const base = (workerId: string) => `/api/workers/${encodeURIComponent(workerId)}`;

export function useWorkerFamily(workerId: string) {
  return useQuery({
    queryKey: familyKey(workerId),
    queryFn: ({ signal }) => api<WorkerFamily>(`${base(workerId)}/family`, { signal }),
  });
}

type Kind = 'heirs' | 'children';
type Saved<K extends Kind> = K extends 'heirs' ? Heir : Child;
type Body<K extends Kind> = K extends 'heirs' ? HeirInput : ChildInput;
type Patch<K extends Kind> = K extends 'heirs' ? HeirPatch : ChildPatch;

function useRefetchFamily(workerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: familyKey(workerId) });
}

/** Add (no id) or change (with the member's id) an heir or a child. */
export function useSaveFamilyMember<K extends Kind>(workerId: string, kind: K, id?: string) {
  const refetch = useRefetchFamily(workerId);
  return useMutation({
    mutationFn: (body: Body<K> | Patch<K>) =>
      id
        ? api<Saved<K>>(`${base(workerId)}/${kind}/${encodeURIComponent(id)}`, {
            method: 'PATCH',
            body,
          })
        : api<Saved<K>>(`${base(workerId)}/${kind}`, { method: 'POST', body }),
    onSuccess: refetch,
  });
}

export function useRemoveFamilyMember(workerId: string, kind: Kind) {
  const refetch = useRefetchFamily(workerId);
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`${base(workerId)}/${kind}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: refetch,
  });
}

export function useSetLifeStatus(workerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LifeStatusInput) =>
      api<WorkerDetail>(`${base(workerId)}/life-status`, { method: 'POST', body }),
    onSuccess: (worker) => {
      queryClient.setQueryData(workerKeys.detail(worker.id), worker);
      void queryClient.invalidateQueries({ queryKey: [...workerKeys.all, 'list'] });
    },
  });
}
