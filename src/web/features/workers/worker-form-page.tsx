import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { emptyValues, valuesFromDetail } from './worker-form-values.ts';
import { WorkerForm } from './worker-form.tsx';
import { useWorker } from './workers-api.ts';
import { Back, WorkerLoadState } from './worker-load-state.tsx';

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
  return (
    <WorkerLoadState worker={worker} back={back}>
      {(w) => (
        <Stack gap="lg" maw={1040}>
          {back}
          <PageHeader title={t('workers.edit.title')} description={w.fullName} />
          <WorkerForm key={`${w.id}:${w.updatedAt}`} initial={valuesFromDetail(w)} worker={w} />
        </Stack>
      )}
    </WorkerLoadState>
  );
}
