import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Grid, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDeviceFloppy } from '@tabler/icons-react';
import { ProgramInput, type ProgramDetail } from '../../../core/modules/programs/program.schema.ts';
import { fieldErrorsFromIssues } from '../../lib/field-errors.ts';
import { formErrors } from '../users/form-errors.ts';
import { useBudgetPlan } from './planner-api.ts';
import {
  PROGRAM_FIELDS,
  toPreviewRequest,
  toProgramInput,
  type ProgramField,
  type ProgramFormValues,
} from './program-form-values.ts';
import { IdentitySection, PeriodSection } from './program-form-sections.tsx';
import { EligibilitySection, QuotaSection } from './program-form-rules.tsx';
import { QuotaPreview } from './quota-preview.tsx';
import { useCreateProgram, useUpdateProgram } from './programs-api.ts';

type Errors = Partial<Record<ProgramField, string>>;

interface ProgramFormProps {
  initial: ProgramFormValues;
  /** Changing this draft program; creating one when absent. */
  program?: ProgramDetail;
}

/** Create or change a draft program: the zod contract first, the server answers the rest. */
export function ProgramForm({ initial, program }: ProgramFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const create = useCreateProgram();
  const update = useUpdateProgram(program?.id ?? '');
  const mutation = program ? update : create;
  const server = formErrors(mutation.error, PROGRAM_FIELDS);
  const errors: Errors = { ...server.byField, ...clientErrors };
  const preview = useBudgetPlan(useMemo(() => toPreviewRequest(values), [values]));

  const onChange = (patch: Partial<ProgramFormValues>) => {
    setValues((prev) => ({ ...prev, ...patch }));
    setClientErrors((prev) => {
      const next = { ...prev };
      for (const key of Object.keys(patch)) delete next[key as ProgramField];
      return next;
    });
  };

  const saved = (p: ProgramDetail) => {
    notifications.show({
      color: 'teal',
      title: t(program ? 'programs.form.updatedTitle' : 'programs.form.createdTitle'),
      message: t('programs.form.saved', { name: p.name }),
    });
    void navigate(`/program/${encodeURIComponent(p.id)}`);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = toProgramInput(values);
    const parsed = ProgramInput.safeParse(body);
    const found: Errors = parsed.success
      ? {}
      : fieldErrorsFromIssues(parsed.error.issues, PROGRAM_FIELDS);
    if (!values.ownerRegion) found.ownerRegion = t('programs.validation.owner');
    if (!values.funderType) found.funderType = t('programs.validation.funder');
    if (!values.firstMonth) found.firstMonth = t('programs.validation.month');
    if (!values.lastMonth) found.lastMonth = t('programs.validation.month');
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate(body, { onSuccess: saved });
  };

  const cancelTo = program ? `/program/${encodeURIComponent(program.id)}` : '/program';
  const invalid = Object.values(errors).some(Boolean);

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('programs.form.label')}>
      <Stack gap="lg">
        {server.general && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {server.general.message}
          </Alert>
        )}
        <IdentitySection values={values} onChange={onChange} errors={errors} selfId={program?.id} />
        <PeriodSection values={values} onChange={onChange} errors={errors} />
        <EligibilitySection values={values} onChange={onChange} errors={errors} />
        <Grid gap="lg" align="stretch">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <QuotaSection values={values} onChange={onChange} errors={errors} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <QuotaPreview rule={values.rule} plan={preview} />
          </Grid.Col>
        </Grid>
        {invalid && (
          <Alert color="orange" variant="light" role="alert">
            {t('programs.form.fixFields')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={mutation.isPending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          >
            {t(program ? 'common.saveChanges' : 'programs.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
