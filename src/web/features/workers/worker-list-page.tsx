import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Select, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowsJoin, IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { WORKER_SORTS } from '../../../core/modules/workers/workers.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedResults } from '../../ui/paged-results.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { MovesButton } from '../worker-moves/moves-button.tsx';
import { WorkerExportMenu } from './worker-export-menu.tsx';
import { WORKER_FILTERS, WorkerFilters } from './worker-filters.tsx';
import { WorkerTable } from './worker-table.tsx';
import { WORKERS_PAGE_SIZE, useWorkerList } from './workers-api.ts';

const isSort = (s: string): s is (typeof WORKER_SORTS)[number] =>
  (WORKER_SORTS as readonly string[]).includes(s);

/** /pekerja: the workers registered in the current user's work area. */
export function WorkerListPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.workers')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const canCreate = hasPermission(me, 'workers.create');
  // Exports carry full NIK: not for auditors, who see masked identities.
  const canExport = hasPermission(me, 'personal.viewFull');
  const canDedupe = hasPermission(me, 'workers.dedupe');
  const canMove = hasPermission(me, 'workers.requestMove');
  const { values, page, set } = useSearchState(WORKER_FILTERS);
  const sort = isSort(values.sort) ? values.sort : 'name';
  const list = useWorkerList({
    q: values.q || undefined,
    region: values.region || undefined,
    segment: values.segment || undefined,
    occupation: values.occupation || undefined,
    status: values.status || undefined,
    hasWarnings: values.hasWarnings === 'true' ? 'true' : undefined,
    sort,
    page,
    pageSize: WORKERS_PAGE_SIZE,
  });
  const filtered = WORKER_FILTERS.some((k) => k !== 'sort' && values[k] !== '');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('workers.title')}
        description={t('workers.intro')}
        actions={
          (canCreate || canExport || canDedupe) && (
            <>
              {canDedupe && (
                <Button
                  component={Link}
                  to="/pekerja/ganda"
                  variant="light"
                  leftSection={<IconArrowsJoin size={18} aria-hidden />}
                >
                  {t('duplicates.button')}
                </Button>
              )}
              {canMove && <MovesButton />}
              {canExport && <WorkerExportMenu filters={values} withTemplate={canCreate} />}
              {canCreate && (
                <Button
                  component={Link}
                  to="/pekerja/impor"
                  variant="light"
                  leftSection={<IconFileImport size={18} aria-hidden />}
                  data-testid="worker-import"
                >
                  {t('workers.import.button')}
                </Button>
              )}
              {canCreate && (
                <Button
                  component={Link}
                  to="/pekerja/baru"
                  leftSection={<IconUserPlus size={18} aria-hidden />}
                >
                  {t('workers.create.button')}
                </Button>
              )}
            </>
          )
        }
      />
      <WorkerFilters
        values={values}
        onChange={set}
        sortControl={
          <Select
            label={t('workers.sort.label')}
            w={{ base: '100%', sm: 250 }}
            data={WORKER_SORTS.map((s) => ({ value: s, label: t(`workers.sort.${s}`) }))}
            value={sort}
            onChange={(v) => v && set({ sort: v === 'name' ? '' : v })}
            allowDeselect={false}
          />
        }
      />
      <PagedResults
        query={list}
        heading={(total) =>
          total === undefined
            ? t('workers.title')
            : t('workers.count', { count: total, total: formatNumber(total) })
        }
        empty={
          filtered
            ? t('workers.emptyFiltered')
            : canCreate
              ? t('workers.emptyCreate')
              : t('workers.empty')
        }
        page={page}
        onPage={(p) => set({ page: p })}
        skeletonRows={8}
      >
        {(items, view) => (
          <WorkerTable
            items={items}
            {...view}
            sort={sort}
            onSort={(s) => set({ sort: s === 'name' ? '' : s })}
          />
        )}
      </PagedResults>
    </Stack>
  );
}
