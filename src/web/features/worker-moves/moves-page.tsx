import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentedControl, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  MOVE_STATUSES,
  type MoveStatus,
} from '../../../core/modules/workers/move-requests.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedResults } from '../../ui/paged-results.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { Back } from '../workers/worker-load-state.tsx';
import { MoveRequestForm } from './move-request-form.tsx';
import { MoveStepModal, type PendingStep } from './move-step-modal.tsx';
import { MoveTable } from './move-table.tsx';
import { useMoveList } from './moves-api.ts';

const FILTERS = ['status'] as const;
const ALL = 'all';
const isStatus = (s: string): s is MoveStatus => (MOVE_STATUSES as readonly string[]).includes(s);

/**
 * /pekerja/pindah: a village asks for a worker registered in another village (by NIK) and
 * follows its requests; a regency admin works through the queue of both sides' requests.
 */
export function MovesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('moves.title')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const decides = hasPermission(me, 'workers.move');
  const { values, page, set } = useSearchState(FILTERS);
  // those who decide start with what waits for them; a village with all its requests
  const chosen = values.status || (decides ? 'pending' : ALL);
  const status = isStatus(chosen) ? chosen : undefined;
  const list = useMoveList({ status, page });
  const [step, setStep] = useState<PendingStep | null>(null);

  return (
    <Stack gap="lg" maw={1200}>
      <Back to="/pekerja" label={t('workers.backToList')} />
      <PageHeader
        title={t('moves.title')}
        description={decides ? t('moves.introAdmin') : t('moves.introOperator')}
      />
      {!decides && <MoveRequestForm />}
      <SegmentedControl
        aria-label={t('moves.filter.label')}
        value={status ?? ALL}
        onChange={(v) => set({ status: v === (decides ? 'pending' : ALL) ? '' : v })}
        data={[
          ...(decides ? [] : [{ value: ALL, label: t('moves.filter.all') }]),
          ...MOVE_STATUSES.map((s) => ({ value: s, label: t(`moves.status.${s}`) })),
          ...(decides ? [{ value: ALL, label: t('moves.filter.all') }] : []),
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <PagedResults
        query={list}
        heading={(total) =>
          total === undefined
            ? t(decides ? 'moves.queueTitle' : 'moves.listTitle')
            : t('moves.count', { count: total, total: formatNumber(total) })
        }
        empty={
          status === 'pending'
            ? t(decides ? 'moves.emptyQueue' : 'moves.emptyPending')
            : status
              ? t('moves.emptyFiltered')
              : t('moves.empty')
        }
        page={page}
        onPage={(p) => set({ page: p })}
        skeletonRows={4}
      >
        {(items, view) => (
          <MoveTable
            items={items}
            {...view}
            onStep={(request, s) => setStep({ request, step: s })}
          />
        )}
      </PagedResults>
      <MoveStepModal pending={step} onClose={() => setStep(null)} />
    </Stack>
  );
}
