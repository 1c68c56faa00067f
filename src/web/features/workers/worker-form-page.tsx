import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Group, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { isApiError } from '../../lib/api.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { emptyValues, valuesFromDetail } from './worker-form-values.ts';
import { WorkerForm } from './worker-form.tsx';
import { useWorker } from './workers-api.ts';

function Back({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={16} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}

/** /pekerja/baru: a village operator starts in their own village. */
export function WorkerCreatePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('workers.create.title')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const village = me.role === 'village_operator' ? (me.scope[0] ?? '') : '';
  return (
    <Stack gap="lg" maw={1040}>
      <Back to="/pekerja" label={t('workers.backToList')} />
      <PageHeader title={t('workers.create.title')} description={t('workers.create.intro')} />
      <WorkerForm initial={emptyValues(village)} />
    </Stack>
  );
}

/** /pekerja/:id/ubah */
export function WorkerEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const worker = useWorker(id);
  useDocumentTitle(`${t('workers.edit.title')} · ${t('app.name')}`);
  const back = <Back to={`/pekerja/${encodeURIComponent(id)}`} label={t('workers.backToDetail')} />;
  if (worker.isPending) return <TableSkeleton rows={8} />;
  if (worker.isError) {
    return (
      <Stack>
        {back}
        <ErrorState
          error={worker.error}
          title={isApiError(worker.error, 404) ? t('workers.notFound') : undefined}
          onRetry={isApiError(worker.error, 404) ? undefined : () => void worker.refetch()}
        />
      </Stack>
    );
  }
  const w = worker.data;
  return (
    <Stack gap="lg" maw={1040}>
      {back}
      <PageHeader title={t('workers.edit.title')} description={w.fullName} />
      <WorkerForm key={`${w.id}:${w.updatedAt}`} initial={valuesFromDetail(w)} worker={w} />
    </Stack>
  );
}
