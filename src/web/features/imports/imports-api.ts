import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportSummary } from '../../../core/modules/imports/imports.schema.ts';
import { apiUpload } from '../../lib/api.ts';
import { workerKeys } from '../workers/workers-api.ts';

export type { ImportSummary };
export type ImportMode = ImportSummary['mode'];

export interface ImportRequest {
  file: File;
  mode: ImportMode;
  /** Village for rows without a village column (an OpenSID register); optional. */
  village?: string;
}

/** Where the template and the rejected rows are downloaded from (plain links: the session cookie goes along). */
export const TEMPLATE_URL = '/api/workers/template.xlsx';
export const rejectedUrl = (id: string) => `/api/imports/${encodeURIComponent(id)}/rejected.xlsx`;

/** POST /api/imports/workers (multipart): preview counts exactly without writing, commit writes. */
export function useImportWorkers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode, village }: ImportRequest) => {
      // Fields before the file: the server reads the parts in order.
      const form = new FormData();
      form.append('mode', mode);
      if (village) form.append('village', village);
      form.append('file', file, file.name);
      return apiUpload<ImportSummary>('/api/imports/workers', form);
    },
    onSuccess: (summary) => {
      if (summary.mode === 'commit')
        void queryClient.invalidateQueries({ queryKey: workerKeys.all });
    },
  });
}
