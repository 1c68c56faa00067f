import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DuplicateDecision,
  DuplicateList,
} from '../../../core/modules/workers/duplicates.schema.ts';
import { api } from '../../lib/api.ts';
import { workerKeys } from '../workers/workers-api.ts';

export const DUPLICATES_PAGE_SIZE = 10;

export const duplicateKeys = {
  all: ['duplicates'] as const,
  list: (query: { region?: string; page: number }) => ['duplicates', 'list', query] as const,
};

export function useDuplicateList(query: { region?: string; page: number }) {
  return useQuery({
    queryKey: duplicateKeys.list(query),
    queryFn: ({ signal }) =>
      api<DuplicateList>('/api/workers/duplicates', {
        query: { ...query, pageSize: DUPLICATES_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** After a decision the pair leaves the list; a merge also changes both workers and the lists. */
function useDecided() {
  const queryClient = useQueryClient();
  return (d: DuplicateDecision) => {
    void queryClient.invalidateQueries({ queryKey: duplicateKeys.all });
    if (d.decision === 'merged') {
      void queryClient.invalidateQueries({ queryKey: [...workerKeys.all, 'list'] });
      for (const id of [d.workerA, d.workerB]) {
        void queryClient.invalidateQueries({ queryKey: workerKeys.detail(id) });
      }
    }
  };
}

export function useMarkDifferent() {
  const decided = useDecided();
  return useMutation({
    mutationFn: (body: { workerA: string; workerB: string }) =>
      api<DuplicateDecision>('/api/workers/duplicates/different', { method: 'POST', body }),
    onSuccess: decided,
  });
}

export function useMergeWorkers() {
  const decided = useDecided();
  return useMutation({
    mutationFn: (body: { keepId: string; mergeId: string }) =>
      api<DuplicateDecision>('/api/workers/duplicates/merge', { method: 'POST', body }),
    onSuccess: decided,
  });
}
