import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContinuityList,
  EndEnrollmentInput,
  EnrollmentView,
  RenewProgramInput,
  RenewResult,
} from '../../../core/modules/continuity/continuity.schema.ts';
import { api } from '../../lib/api.ts';

export type { ContinuityList, RenewProgramInput, RenewResult };

export const continuityKeys = {
  all: ['continuity'] as const,
  list: (days: number, region: string) => ['continuity', days, region] as const,
};

/** GET /api/continuity: protection ending within `days` with nothing after it, per village. */
export function useContinuity(days: number, region: string) {
  return useQuery({
    queryKey: continuityKeys.list(days, region),
    queryFn: ({ signal }) =>
      api<ContinuityList>('/api/continuity', { query: { days, region }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** POST /api/programs/{id}/renew: next period's draft with the same workers proposed again. */
export function useRenewProgram(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RenewProgramInput) =>
      api<RenewResult>(`/api/programs/${encodeURIComponent(programId)}/renew`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: continuityKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}

function useInvalidateSeats() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['enrollments'] });
    void queryClient.invalidateQueries({ queryKey: ['programs'] });
    void queryClient.invalidateQueries({ queryKey: continuityKeys.all });
  };
}

/** POST /api/enrollments/{id}/end: the seat is freed from a date (mutasi). */
export function useEndEnrollment() {
  const invalidate = useInvalidateSeats();
  return useMutation({
    mutationFn: ({ id, ...input }: EndEnrollmentInput & { id: string }) =>
      api<EnrollmentView>(`/api/enrollments/${encodeURIComponent(id)}/end`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: invalidate,
  });
}

/** POST /api/enrollments/{id}/replace: a worker of the same village takes the freed seat. */
export function useReplaceEnrollment() {
  const invalidate = useInvalidateSeats();
  return useMutation({
    mutationFn: ({ id, nik }: { id: string; nik: string }) =>
      api<EnrollmentView>(`/api/enrollments/${encodeURIComponent(id)}/replace`, {
        method: 'POST',
        body: { nik },
      }),
    onSuccess: invalidate,
  });
}
