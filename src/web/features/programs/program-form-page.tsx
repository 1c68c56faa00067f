import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { todayInJakarta } from '../../lib/format.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { Back } from '../workers/worker-load-state.tsx';
import { ProgramForm } from './program-form.tsx';
import { emptyProgramValues, valuesFromDetail } from './program-form-values.ts';
import { ProgramLoadState } from './program-load-state.tsx';
import { useProgram } from './programs-api.ts';

/** /program/baru: a regency office starts with its own regency as the owner. */
export function ProgramCreatePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('programs.create.title')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const owner = me.scope.length === 1 ? me.scope[0]! : null;
  return (
    <Stack gap="lg" maw={1100}>
      <Back to="/program" label={t('programs.backToList')} />
      <PageHeader title={t('programs.create.title')} description={t('programs.create.intro')} />
      <ProgramForm initial={emptyProgramValues(todayInJakarta(), owner)} />
    </Stack>
  );
}

/** /program/:id/ubah: a draft only; an active program shows why it cannot change. */
export function ProgramEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const program = useProgram(id);
  useDocumentTitle(`${t('programs.edit.title')} · ${t('app.name')}`);
  const back = (
    <Back to={`/program/${encodeURIComponent(id)}`} label={t('programs.backToDetail')} />
  );
  return (
    <ProgramLoadState program={program} back={back}>
      {(p) => (
        <Stack gap="lg" maw={1100}>
          {back}
          <PageHeader title={t('programs.edit.title')} description={p.name} />
          {p.status === 'draft' && p.permissions.manage ? (
            <ProgramForm key={`${p.id}:${p.updatedAt}`} initial={valuesFromDetail(p)} program={p} />
          ) : (
            <Alert color="yellow" variant="light">
              {t(p.permissions.manage ? 'programs.edit.notDraft' : 'programs.edit.notYours')}
            </Alert>
          )}
        </Stack>
      )}
    </ProgramLoadState>
  );
}
