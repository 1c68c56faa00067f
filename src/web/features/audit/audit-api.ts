import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { AuditFilter, AuditList } from './audit-types.ts';

export const AUDIT_PAGE_SIZE = 50;

export function useAuditList(filter: AuditFilter, page: number) {
  return useQuery({
    queryKey: ['audit', filter, page],
    queryFn: ({ signal }) =>
      api<AuditList>('/api/audit', {
        query: { ...filter, page, pageSize: AUDIT_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** The Excel export of the same filter; a plain link so that the browser downloads the file. */
export function auditExportHref(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value) params.set(key, value);
  }
  const qs = params.toString();
  return `/api/audit/export.xlsx${qs ? `?${qs}` : ''}`;
}
