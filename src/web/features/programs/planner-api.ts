import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import type {
  BudgetPlanRequest,
  BudgetPlanResponse,
} from '../../../core/modules/programs/programs.schema.ts';
import { api } from '../../lib/api.ts';

/**
 * The plan for the form as typed: asked again shortly after each change (the request is
 * debounced as text, so that an equal request is never sent twice). The planner writes nothing,
 * so a POST is safe to repeat.
 */
export function useBudgetPlan(request: BudgetPlanRequest | null) {
  const [body] = useDebouncedValue(request ? JSON.stringify(request) : '', 250);
  const query = useQuery({
    queryKey: ['budget', 'plan', body],
    queryFn: ({ signal }) =>
      api<BudgetPlanResponse>('/api/budget/plan', {
        method: 'POST',
        body: JSON.parse(body) as BudgetPlanRequest,
        signal,
      }),
    enabled: body !== '',
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const typing = (request ? JSON.stringify(request) : '') !== body;
  return { ...query, typing, empty: request === null };
}
