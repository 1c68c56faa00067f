import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';
import type {
  LocalTerm,
  RegionDetail,
  RegionList,
  SetLocalTermInput,
} from '../../../core/modules/regions/regions.schema.ts';

/** What the form sends: an absent head title clears it (the server turns it into null). */
export type LocalTermBody = z.input<typeof SetLocalTermInput>;

export const SEARCH_PAGE_SIZE = 20;
/** A level has at most a few hundred children; the server answers them in one page. */
const CHILDREN_PAGE_SIZE = 200;

export const regionKeys = {
  all: ['regions'] as const,
  children: (parent: string | null) => ['regions', 'children', parent] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
  search: (q: string, page: number) => ['regions', 'search', q, page] as const,
};

const path = (code: string) => `/api/regions/${encodeURIComponent(code)}`;

/** Provinces when `parent` is null, else the children of that region. */
export function useRegionChildren(parent: string | null, enabled = true) {
  return useQuery({
    queryKey: regionKeys.children(parent),
    queryFn: ({ signal }) =>
      api<RegionList>('/api/regions', { query: { parent, pageSize: CHILDREN_PAGE_SIZE }, signal }),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useRegion(code: string | undefined) {
  return useQuery({
    queryKey: regionKeys.detail(code ?? ''),
    queryFn: ({ signal }) => api<RegionDetail>(path(code ?? ''), { signal }),
    enabled: code !== undefined,
    staleTime: 10 * 60_000,
  });
}

export function useRegionSearch(q: string, page: number) {
  return useQuery({
    queryKey: regionKeys.search(q, page),
    queryFn: ({ signal }) =>
      api<RegionList>('/api/regions', { query: { q, page, pageSize: SEARCH_PAGE_SIZE }, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** Set or remove the local village term; every region page may show an inherited term, so all are refreshed. */
export function useLocalTermMutations(code: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: regionKeys.all });
  const save = useMutation({
    mutationFn: (input: LocalTermBody) =>
      api<LocalTerm>(`${path(code)}/local-term`, { method: 'PUT', body: input }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: () => api<void>(`${path(code)}/local-term`, { method: 'DELETE' }),
    onSuccess,
  });
  return { save, remove };
}
