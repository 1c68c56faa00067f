import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AllocationImportResult,
  Allocations,
  AllocationsInput,
  AllocationTotals,
} from '../../../core/modules/programs/allocation.schema.ts';
import type {
  ProgramDetail,
  ProgramInput,
  ProgramList,
  ProgramPatch,
} from '../../../core/modules/programs/program.schema.ts';
import { api, apiUpload } from '../../lib/api.ts';

export const PROGRAMS_PAGE_SIZE = 25;

export interface ProgramListParams {
  status?: string | undefined;
  year?: string | undefined;
  page: number;
  pageSize: number;
}

export const programKeys = {
  all: ['programs'] as const,
  list: (q: ProgramListParams) => ['programs', 'list', q] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
  allocations: (id: string, region: string) => ['programs', 'allocations', id, region] as const,
};

const path = (id: string) => `/api/programs/${encodeURIComponent(id)}`;

export function useProgramList(query: ProgramListParams) {
  return useQuery({
    queryKey: programKeys.list(query),
    queryFn: ({ signal }) => api<ProgramList>('/api/programs', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) => api<ProgramDetail>(path(id), { signal }),
  });
}

/** A region of the program and its children; '' = where the actor's view starts. */
export function useAllocations(id: string, region: string) {
  return useQuery({
    queryKey: programKeys.allocations(id, region),
    queryFn: ({ signal }) =>
      api<Allocations>(`${path(id)}/allocations`, { query: { region }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** After any change: the program as answered, its lists and seat tables asked again. */
function useProgramChanged() {
  const queryClient = useQueryClient();
  return (program?: ProgramDetail) => {
    if (program) queryClient.setQueryData(programKeys.detail(program.id), program);
    void queryClient.invalidateQueries({ queryKey: programKeys.all });
  };
}

export function useCreateProgram() {
  const changed = useProgramChanged();
  return useMutation({
    mutationFn: (body: ProgramInput) =>
      api<ProgramDetail>('/api/programs', { method: 'POST', body }),
    onSuccess: changed,
  });
}

export function useUpdateProgram(id: string) {
  const changed = useProgramChanged();
  return useMutation({
    mutationFn: (body: ProgramPatch) => api<ProgramDetail>(path(id), { method: 'PATCH', body }),
    onSuccess: changed,
  });
}

export type ProgramStep = 'activate' | 'close';

export function useProgramStep(id: string) {
  const changed = useProgramChanged();
  return useMutation({
    mutationFn: (step: ProgramStep) =>
      api<ProgramDetail>(`${path(id)}/${step}`, { method: 'POST' }),
    onSuccess: changed,
  });
}

export function useSetAllocations(id: string) {
  const changed = useProgramChanged();
  return useMutation({
    mutationFn: (body: AllocationsInput) =>
      api<AllocationTotals>(`${path(id)}/allocations`, { method: 'PUT', body }),
    onSuccess: () => changed(),
  });
}

export function useImportAllocations(id: string) {
  const changed = useProgramChanged();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<AllocationImportResult>(`${path(id)}/allocations/import`, form);
    },
    onSuccess: () => changed(),
  });
}
