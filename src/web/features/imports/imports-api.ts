import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportSummary } from '../../../core/modules/imports/imports.schema.ts';
import i18n from '../../i18n/index.ts';
import { api, ApiError, isApiError } from '../../lib/api.ts';
import { ME_QUERY_KEY } from '../../lib/query-client.ts';
import { workerKeys } from '../workers/workers-api.ts';
import { isActive } from './import-status.ts';

export type { ImportSummary };
export type ImportMode = ImportSummary['mode'];

export interface ImportRequest {
  file: File;
  mode: ImportMode;
  /** Village for rows without a village column (an OpenSID register); optional. */
  village?: string | undefined;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Where the template and the rejected rows are downloaded from (plain links: the session cookie goes along). */
export const TEMPLATE_URL = '/api/workers/template.xlsx';
export const rejectedUrl = (id: string) => `/api/imports/${encodeURIComponent(id)}/rejected.xlsx`;
const importPath = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

export const importKeys = {
  all: ['imports'] as const,
  recent: () => [...importKeys.all, 'recent'] as const,
  detail: (id: string) => [...importKeys.all, 'detail', id] as const,
};

/** How often a queued or running import is asked for its progress. */
const POLL_MS = 1000;

function uploadError(status: number, text: string): ApiError {
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON (a proxy's page): the status tells enough
  }
  const error = body.error ?? {};
  const fallback =
    status === 401
      ? 'errors.unauthorized'
      : status === 403
        ? 'errors.forbidden'
        : status === 413
          ? 'errors.tooLarge'
          : status === 429
            ? 'errors.tooManyRequests'
            : status >= 500
              ? 'errors.server'
              : 'errors.generic';
  return new ApiError(
    status,
    typeof error.code === 'string' ? error.code : `HTTP_${status}`,
    typeof error.message === 'string' && error.message ? error.message : i18n.t(fallback),
    error.details,
  );
}

/**
 * POST /api/imports/workers (multipart) with XMLHttpRequest, because fetch cannot report how
 * much of a request body has been sent (a 300 MB file takes minutes on a village connection).
 * Resolves with the summary: finished (200) or still queued/running (202).
 */
export function uploadImport(
  { file, mode, village }: ImportRequest,
  opts: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportSummary> {
  // Fields before the file: the server reads the parts in order.
  const form = new FormData();
  form.append('mode', mode);
  if (village) form.append('village', village);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports/workers');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300)
        resolve(JSON.parse(xhr.responseText) as ImportSummary);
      else reject(uploadError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('errors.network')));
    xhr.onabort = () => reject(new DOMException('upload stopped', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Uploads a file; the summary it answers with is put in the cache of its import. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: {
      request: ImportRequest;
      onProgress: (p: UploadProgress) => void;
      signal: AbortSignal;
    }) => uploadImport(args.request, { onProgress: args.onProgress, signal: args.signal }),
    onSuccess: (summary) => {
      queryClient.setQueryData(importKeys.detail(summary.id), summary);
      void queryClient.invalidateQueries({ queryKey: importKeys.recent() });
      if (summary.mode === 'commit' && !isActive(summary.status))
        void queryClient.invalidateQueries({ queryKey: workerKeys.all });
    },
    onError: (error) => {
      // the session ended: re-check who is logged in (as the shared API client does)
      if (isApiError(error, 401)) void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

/** GET /api/imports/{id}, asked again every second while the import is queued or running. */
export function useImport(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData<ImportSummary>(importKeys.detail(id));
      const summary = await api<ImportSummary>(importPath(id), { signal });
      if (before && isActive(before.status) && !isActive(summary.status)) {
        // it has just finished: the list and (for a commit) the workers changed
        void queryClient.invalidateQueries({ queryKey: importKeys.recent() });
        if (summary.mode === 'commit')
          void queryClient.invalidateQueries({ queryKey: workerKeys.all });
      }
      return summary;
    },
    enabled: id !== '',
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data && isActive(query.state.data.status) ? POLL_MS : false,
    refetchIntervalInBackground: true,
  });
}

/** GET /api/imports: the latest imports the user may see (refreshed while one of them runs). */
export function useRecentImports() {
  return useQuery({
    queryKey: importKeys.recent(),
    queryFn: ({ signal }) => api<{ items: ImportSummary[] }>('/api/imports', { signal }),
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => isActive(i.status)) ? 5 * POLL_MS : false,
  });
}

/** POST /api/imports/{id}/cancel or /resume, then the import is asked again (and polled). */
export function useImportAction(id: string, action: 'cancel' | 'resume') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`${importPath(id)}/${action}`, { method: 'POST' }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: importKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: importKeys.recent() });
    },
  });
}

/**
 * POST /api/imports/{id}/commit: a finished preview saved from the file the server kept (no
 * upload again). Answers with the new commit import, finished (200) or still running (202).
 */
export function useCommitPreview(previewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<ImportSummary>(`${importPath(previewId)}/commit`, { method: 'POST' }),
    onSuccess: (summary) => {
      queryClient.setQueryData(importKeys.detail(summary.id), summary);
      if (!isActive(summary.status))
        void queryClient.invalidateQueries({ queryKey: workerKeys.all });
    },
    // the preview now names its commit (or, refused, says why): asked again either way
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: importKeys.detail(previewId) });
      void queryClient.invalidateQueries({ queryKey: importKeys.recent() });
    },
  });
}
