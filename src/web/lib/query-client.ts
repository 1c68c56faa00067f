import { QueryClient } from '@tanstack/react-query';
import { isApiError, onUnauthorized } from './api.ts';

/** Statuses where asking again cannot help. */
const NO_RETRY = new Set([400, 401, 403, 404, 409, 422, 423, 429]);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Others change what a page shows (a district verifies, BPJS answers): data older than 15 s
      // is fetched again when the person comes back to the tab.
      staleTime: 15_000,
      refetchOnWindowFocus: true,
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
