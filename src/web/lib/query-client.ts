import { QueryClient } from '@tanstack/react-query';
import { isApiError, onUnauthorized } from './api.ts';

/** Statuses where asking again cannot help. */
const NO_RETRY = new Set([400, 401, 403, 404, 409, 422, 423, 429]);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) =>
        !(isApiError(error) && NO_RETRY.has(error.status)) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});

export const ME_QUERY_KEY = ['me'] as const;

// A 401 on any other call means the session ended: re-check who is logged in, which sends
// the person to the login page.
onUnauthorized(() => {
  void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
});
