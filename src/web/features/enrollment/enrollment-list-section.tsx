import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import {
  ENROLLMENT_STATUSES,
  type EnrollmentStatus,
} from '../../../core/rules/enrollment-status.ts';
import { formatNumber } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { PagedResults } from '../../ui/paged-results.tsx';
import { RegionPicker } from '../regions/region-picker.tsx';
import { useEnrollmentList } from './enrollment-api.ts';
import { EnrollmentTable } from './enrollment-table.tsx';
import { ParticipantsExportMenu } from './participants-export-menu.tsx';
import { StepModal, type PendingStep } from './step-modal.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import {
  EndEnrollmentModal,
  ReplaceEnrollmentModal,
  type MutasiTarget,
} from '../continuity/mutasi-modals.tsx';

const FILTERS = ['status', 'q', 'region'] as const;
const isStatus = (s: string): s is EnrollmentStatus =>
  (ENROLLMENT_STATUSES as readonly string[]).includes(s);

/** Every enrollment of the program in the user's area, with a status filter and a search. */
export function EnrollmentListSection({
  programId,
  counts,
  showVillage = true,
}: {
  programId: string;
  counts: Record<string, number>;
  /** False on a village operator's page: every row is their village. */
  showVillage?: boolean;
}) {
  const { t } = useTranslation();
  const { values, page, set } = useSearchState(FILTERS);
  const [q, setQ] = useState(values.q);
  const [debounced] = useDebouncedValue(q, 300);
  useEffect(() => {
    if (debounced.trim() !== values.q) set({ q: debounced.trim() });
  }, [debounced, values.q, set]);
  const status = isStatus(values.status) ? values.status : undefined;
  const search = values.q.length >= 2 ? values.q : undefined;
  // a district, regency or province officer narrows the list (and the printed list) to one area
  const region = showVillage && values.region ? values.region : undefined;
  const list = useEnrollmentList(programId, { status, q: search, region, page });
  const [pending, setPending] = useState<PendingStep | null>(null);
  const me = useCurrentUser();
  const may = {
    end: hasPermission(me, 'enrollments.end'),
    replace: hasPermission(me, 'enrollments.replace'),
  };
  const [ending, setEnding] = useState<MutasiTarget | null>(null);
  const [replacing, setReplacing] = useState<MutasiTarget | null>(null);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  return (
    <>
      <Group gap="xs" align="flex-end">
        <Select
          label={t('enrollment.list.statusFilter')}
          value={status ?? ''}
          onChange={(v) => set({ status: v ?? '' })}
          data={[
            {
              value: '',
              label: t('enrollment.list.allStatuses', { count: total, total: formatNumber(total) }),
            },
            ...ENROLLMENT_STATUSES.filter((s) => counts[s]).map((s) => ({
              value: s,
              label: `${t(`enrollment.status.${s}`)} (${formatNumber(counts[s] ?? 0)})`,
            })),
          ]}
          allowDeselect={false}
          w={260}
          data-testid="status-filter"
        />
        <TextInput
          label={t('enrollment.list.search')}
          placeholder={t('enrollment.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={260}
        />
        {showVillage && (
          <Box w={{ base: '100%', sm: 260 }}>
            <RegionPicker
              label={t('enrollment.list.regionFilter')}
              placeholder={t('enrollment.list.regionPlaceholder')}
              value={region ? [region] : []}
              onChange={(codes) => set({ region: codes[0] ?? '' })}
              clearable
            />
          </Box>
        )}
        <ParticipantsExportMenu
          programId={programId}
          filters={{ status, q: search, region }}
          total={list.data?.total}
        />
      </Group>
      <PagedResults
        query={list}
        heading={(n) =>
          n === undefined
            ? t('enrollment.list.title')
            : t('enrollment.list.count', { count: n, total: formatNumber(n) })
        }
        empty={
          status || search || region
            ? t('enrollment.list.emptyFiltered')
            : t('enrollment.list.empty')
        }
        page={page}
        onPage={(p) => set({ page: p })}
        skeletonRows={4}
      >
        {(items, view) => (
          <EnrollmentTable
            items={items}
            {...view}
            showVillage={showVillage}
            may={may}
            onWithdraw={(i) => setPending({ step: 'withdraw', ids: [i.id], label: i.fullName })}
            onEnd={setEnding}
            onReplace={setReplacing}
          />
        )}
      </PagedResults>
      <StepModal pending={pending} onClose={() => setPending(null)} />
      <EndEnrollmentModal target={ending} onClose={() => setEnding(null)} />
      <ReplaceEnrollmentModal target={replacing} onClose={() => setReplacing(null)} />
    </>
  );
}
