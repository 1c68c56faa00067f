import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Group, Select, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCalculator, IconPlus } from '@tabler/icons-react';
import { PROGRAM_STATUSES } from '../../../core/modules/programs/program.schema.ts';
import { formatNumber, todayInJakarta } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedResults } from '../../ui/paged-results.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { ProgramTable } from './program-table.tsx';
import { PROGRAMS_PAGE_SIZE, useProgramList } from './programs-api.ts';

const FILTERS = ['status', 'year'] as const;

/** /program: the programs that concern the user's region, the planner, and a new program. */
export function ProgramsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.programs')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const canManage = hasPermission(me, 'programs.manage');
  const { values, page, set } = useSearchState(FILTERS);
  const list = useProgramList({
    status: values.status || undefined,
    year: values.year || undefined,
    page,
    pageSize: PROGRAMS_PAGE_SIZE,
  });
  const thisYear = Number(todayInJakarta().slice(0, 4));
  const years = Array.from({ length: 9 }, (_, i) => String(thisYear + 3 - i));
  const filtered = FILTERS.some((k) => values[k] !== '');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('nav.programs')}
        // "work it out in the planner, then create it" speaks to those who may create one
        description={t(canManage ? 'programs.intro' : 'programs.introReader')}
        actions={
          <>
            <Button
              component={Link}
              to="/program/perencana"
              variant="light"
              leftSection={<IconCalculator size={18} aria-hidden />}
            >
              {t('planner.title')}
            </Button>
            {canManage && (
              <Button
                component={Link}
                to="/program/baru"
                leftSection={<IconPlus size={18} aria-hidden />}
              >
                {t('programs.create.button')}
              </Button>
            )}
          </>
        }
      />
      <Group gap="sm" align="flex-end">
        <Select
          label={t('programs.filter.status')}
          placeholder={t('programs.filter.all')}
          data={PROGRAM_STATUSES.map((s) => ({ value: s, label: t(`programs.status.${s}`) }))}
          value={values.status || null}
          onChange={(v) => set({ status: v })}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('programs.filter.year')}
          placeholder={t('programs.filter.all')}
          data={years}
          value={values.year || null}
          onChange={(v) => set({ year: v })}
          clearable
          w={{ base: '100%', xs: 160 }}
        />
      </Group>
      <PagedResults
        query={list}
        heading={(total) =>
          total === undefined
            ? t('nav.programs')
            : t('programs.count', { count: total, total: formatNumber(total) })
        }
        empty={
          filtered
            ? t('programs.emptyFiltered')
            : canManage
              ? t('programs.emptyCreate')
              : t('programs.empty')
        }
        page={page}
        onPage={(p) => set({ page: p })}
      >
        {(items, view) => <ProgramTable items={items} {...view} />}
      </PagedResults>
    </Stack>
  );
}
