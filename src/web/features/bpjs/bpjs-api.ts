import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BatchDetail,
  BpjsExchange,
  ExchangeFormat,
  ResultImport,
} from '../../../core/modules/bpjs/bpjs.schema.ts';
import i18n from '../../i18n/index.ts';
import { api, ApiError, apiUpload } from '../../lib/api.ts';

export type { BatchDetail, BpjsExchange, ExchangeFormat, ResultImport };

export const BATCH_PAGE_SIZE = 50;
const programPath = (id: string) => `/api/programs/${encodeURIComponent(id)}`;
export const batchFileUrl = (id: string, format: ExchangeFormat) =>
  `/api/bpjs-batches/${encodeURIComponent(id)}/file?format=${format}`;
export const notAppliedUrl = (id: string) =>
  `/api/bpjs-results/${encodeURIComponent(id)}/rejected.xlsx`;

export const bpjsKeys = {
  all: ['bpjs'] as const,
  exchange: (programId: string) => ['bpjs', 'exchange', programId] as const,
  batch: (id: string, page: number) => ['bpjs', 'batch', id, page] as const,
  result: (id: string) => ['bpjs', 'result', id] as const,
};

/** GET /api/programs/{id}/bpjs: statuses, batches and answers of the program in the user's region. */
export function useBpjsExchange(programId: string) {
  return useQuery({
    queryKey: bpjsKeys.exchange(programId),
    queryFn: ({ signal }) => api<BpjsExchange>(`${programPath(programId)}/bpjs`, { signal }),
    staleTime: 0,
  });
}

export function useBatch(id: string, page: number) {
  return useQuery({
    queryKey: bpjsKeys.batch(id, page),
    queryFn: ({ signal }) =>
      api<BatchDetail>(`/api/bpjs-batches/${encodeURIComponent(id)}`, {
        query: { page, pageSize: BATCH_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: id !== '',
  });
}

export function useResultImport(id: string) {
  return useQuery({
    queryKey: bpjsKeys.result(id),
    queryFn: ({ signal }) =>
      api<ResultImport>(`/api/bpjs-results/${encodeURIComponent(id)}`, { signal }),
    enabled: id !== '',
  });
}

async function errorOf(res: Response): Promise<ApiError> {
  let message = i18n.t(res.status === 403 ? 'errors.forbidden' : 'errors.generic');
  let code = `HTTP_${res.status}`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) message = body.error.message;
    if (body.error?.code) code = body.error.code;
  } catch {
    // not JSON: the status tells enough
  }
  return new ApiError(res.status, code, message);
}

/**
 * GET the export (which creates the batch on the server) and save the file it answers with. A
 * plain link could not show the server's message ("nothing to send") nor refresh the page after.
 */
async function downloadExport(programId: string, format: ExchangeFormat): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`${programPath(programId)}/enrollments/export?format=${format}`, {
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!res.ok) throw await errorOf(res);
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
    `bpjs-kirim.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

export function useExportBatch(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (format: ExchangeFormat) => downloadExport(programId, format),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bpjsKeys.all }),
  });
}

/** POST /api/programs/{id}/bpjs-results (multipart): the branch's answer. */
export function useUploadAnswer(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<ResultImport>(`${programPath(programId)}/bpjs-results`, form);
    },
    onSuccess: (result) => {
      queryClient.setQueryData(bpjsKeys.result(result.id), result);
      void queryClient.invalidateQueries({ queryKey: bpjsKeys.all });
    },
  });
}
