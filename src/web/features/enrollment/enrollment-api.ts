import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CandidateList,
  EnrollmentList,
  EnrollmentOverview,
  EnrollmentStepResponse,
  ProposeEnrollmentsResponse,
} from '../../../core/modules/enrollment/enrollment.schema.ts';
import type { EnrollmentStatus } from '../../../core/rules/enrollment-status.ts';
import { api } from '../../lib/api.ts';

export interface EnrollmentQuery {
  status?: EnrollmentStatus | undefined;
  village?: string | undefined;
  /** A district, regency… (or a village) inside the user's area. */
  region?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize?: number;
}

export const enrollmentKeys = {
  all: ['enrollments'] as const,
  overview: ['enrollments', 'overview'] as const,
  list: (programId: string, query: EnrollmentQuery) =>
    ['enrollments', 'list', programId, query] as const,
  candidates: (programId: string) => ['enrollments', 'candidates', programId] as const,
};

const programPath = (id: string, rest: string) => `/api/programs/${encodeURIComponent(id)}/${rest}`;

export function useEnrollmentOverview() {
  return useQuery({
    queryKey: enrollmentKeys.overview,
    queryFn: ({ signal }) => api<EnrollmentOverview>('/api/enrollments/overview', { signal }),
  });
}

export function useEnrollmentList(programId: string, query: EnrollmentQuery) {
  return useQuery({
    queryKey: enrollmentKeys.list(programId, query),
    queryFn: ({ signal }) =>
      api<EnrollmentList>(programPath(programId, 'enrollments'), {
        query: { ...query, pageSize: query.pageSize ?? 50 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCandidates(programId: string, enabled: boolean) {
  return useQuery({
    queryKey: enrollmentKeys.candidates(programId),
    queryFn: ({ signal }) =>
      api<CandidateList>(programPath(programId, 'candidates'), { query: { limit: 200 }, signal }),
    enabled,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: enrollmentKeys.all });
}

export function usePropose(programId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { niks: string[] } | { workerIds: string[] }) =>
      api<ProposeEnrollmentsResponse>(programPath(programId, 'enrollments'), {
        method: 'POST',
        body,
      }),
    onSuccess: invalidate,
  });
}

export type ChainStep = 'verify' | 'approve' | 'return' | 'withdraw';

export function useEnrollmentStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ step, ids, reason }: { step: ChainStep; ids: string[]; reason?: string }) =>
      api<EnrollmentStepResponse>(`/api/enrollments/${step}`, {
        method: 'POST',
        body: reason ? { ids, reason } : { ids },
      }),
    onSuccess: invalidate,
  });
}
