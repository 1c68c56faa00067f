import { useTranslation } from 'react-i18next';
import { Button, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedResults } from '../../ui/paged-results.tsx';
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
      <PagedResults
        query={list}
        heading={(total) =>
          total === undefined
            ? t('audit.title')
            : t('audit.count', { count: total, total: formatNumber(total) })
        }
        empty={t('audit.empty')}
        page={page}
        onPage={(p) => set({ page: p })}
        skeletonRows={8}
      >
        {(items, view) => <AuditTable items={items} {...view} />}
      </PagedResults>
    </Stack>
  );
}
