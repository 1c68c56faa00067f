import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { isApiError } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TablePagination } from '../../ui/table-pagination.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { auditExportHref, useAuditList } from './audit-api.ts';
import { AUDIT_FILTERS, AuditFilters } from './audit-filters.tsx';
import { AuditTable } from './audit-table.tsx';
import type { AuditFilter } from './audit-types.ts';

/** /audit: every recorded change and login, newest first, filterable and exportable. */
export function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.audit')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const headingId = useId();
  const { values, page, set, reset } = useSearchState(AUDIT_FILTERS);
  const filter: AuditFilter = Object.fromEntries(
    AUDIT_FILTERS.flatMap((k) => (values[k] ? [[k, values[k]]] : [])),
  );
  const list = useAuditList(filter, page);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={
          hasPermission(me, 'audit.export') && (
            <Button
              component="a"
              href={auditExportHref(filter)}
              download
              variant="light"
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            >
              {t('audit.export')}
            </Button>
          )
        }
      />
      <AuditFilters values={values} onChange={set} onReset={reset} />
      <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={headingId}>
        <Stack gap="xs">
          <Text id={headingId} size="sm" fw={600} role="status">
            {list.data
              ? t('audit.count', { count: list.data.total, total: formatNumber(list.data.total) })
              : t('audit.title')}
          </Text>
          {list.isPending ? (
            <TableSkeleton rows={8} />
          ) : list.isError ? (
            <ErrorState
              error={list.error}
              // A refused filter (400) does not get better by asking again.
              onRetry={isApiError(list.error, 400) ? undefined : () => void list.refetch()}
              retrying={list.isFetching}
            />
          ) : list.data.items.length === 0 ? (
            <Text c="dimmed" size="sm" py="md">
              {t('audit.empty')}
            </Text>
          ) : (
            <>
              <AuditTable
                items={list.data.items}
                dimmed={list.isPlaceholderData}
                labelledBy={headingId}
              />
              <TablePagination
                page={page}
                pageSize={list.data.pageSize}
                total={list.data.total}
                onChange={(p) => set({ page: p })}
              />
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
