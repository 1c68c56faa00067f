import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import {
  WorkerInput,
  WorkerPatch,
  type WorkerDetail,
} from '../../../core/modules/workers/workers.schema.ts';
import { isApiError } from '../../lib/api.ts';
import { fieldErrorsFromIssues } from '../../lib/field-errors.ts';
import { formErrors } from '../users/form-errors.ts';
import {
  FORM_FIELDS,
  toInput,
  toPatch,
  type FormField,
  type WorkerFormValues,
} from './worker-form-values.ts';
import { WorkerFormSections } from './worker-form-sections.tsx';
import { useCreateWorker, useUpdateWorker } from './workers-api.ts';
import { useNikCheck } from './use-nik-check.ts';

interface WorkerFormProps {
  initial: WorkerFormValues;
  /** Editing this worker (PATCH of what changed); creating when absent. */
  worker?: WorkerDetail;
}

type Errors = Partial<Record<FormField, string>>;

/** Create or change a worker: the zod contract runs first, the server answers the rest. */
export function WorkerForm({ initial, worker }: WorkerFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const create = useCreateWorker();
  const update = useUpdateWorker(worker?.id ?? '');
  const mutation = worker ? update : create;
  const server = formErrors(mutation.error, FORM_FIELDS);
  const conflict = isApiError(mutation.error, 409) ? mutation.error : undefined;
  const existingId = (conflict?.details as { existingId?: unknown } | undefined)?.existingId;
  const errors: Errors = {
    ...server.byField,
    ...(conflict ? { nik: conflict.message } : {}),
    ...clientErrors,
  };
  const nik = useNikCheck(values.nik, values);

  const set = <K extends FormField>(field: K, value: WorkerFormValues[K]) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setClientErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const fill = () => {
    const decoded = nik.check?.decoded;
    if (!decoded) return;
    setValues((prev) => ({
      ...prev,
      birthDate: prev.birthDate || decoded.birthDate,
      sex: prev.sex || decoded.sex,
    }));
  };

  const saved = (w: WorkerDetail) => {
    const open = w.warnings.filter((x) => !x.confirmed).length;
    notifications.show({
      color: open > 0 ? 'yellow' : 'teal',
      title: t(worker ? 'workers.form.updatedTitle' : 'workers.form.createdTitle'),
      message:
        open > 0
          ? t('workers.form.savedWithWarnings', { name: w.fullName, count: open })
          : t('workers.form.saved', { name: w.fullName }),
    });
    void navigate(`/pekerja/${encodeURIComponent(w.id)}`);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Errors = {};
    if (worker) {
      const body = toPatch(values, initial);
      const parsed = WorkerPatch.safeParse(body);
      if (!parsed.success)
        Object.assign(found, fieldErrorsFromIssues(parsed.error.issues, FORM_FIELDS));
      if (values.nik.trim() && nik.error) found.nik ??= nik.error;
      setClientErrors(found);
      if (Object.keys(found).length > 0) return;
      if (Object.keys(body).length === 0) return void navigate(`/pekerja/${worker.id}`);
      update.mutate(body, { onSuccess: saved });
      return;
    }
    const body = toInput(values);
    const parsed = WorkerInput.safeParse(body);
    if (!parsed.success)
      Object.assign(found, fieldErrorsFromIssues(parsed.error.issues, FORM_FIELDS));
    if (nik.error) found.nik ??= nik.error;
    if (!values.sex) found.sex = t('workers.validation.sex');
    if (!values.occupationCode) found.occupationCode = t('workers.validation.occupation');
    if (!values.birthDate) found.birthDate = t('workers.validation.birthDate');
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(body, { onSuccess: saved });
  };

  const cancelTo = worker ? `/pekerja/${encodeURIComponent(worker.id)}` : '/pekerja';
  const invalid = Object.values(clientErrors).some(Boolean);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        {server.general && !conflict && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {server.general.message}
          </Alert>
        )}
        {conflict && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {conflict.message}{' '}
            {typeof existingId === 'string' && (
              <Anchor component={Link} to={`/pekerja/${encodeURIComponent(existingId)}`}>
                {t('workers.form.openExisting')}
              </Anchor>
            )}
          </Alert>
        )}
        {invalid && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {t('workers.form.fixErrors')}
          </Alert>
        )}
        <WorkerFormSections
          values={values}
          set={set}
          errors={errors}
          nik={nik}
          onFill={!values.birthDate || !values.sex ? fill : undefined}
          worker={worker}
        />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={cancelTo}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {worker ? t('common.saveChanges') : t('workers.form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
