import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Grid, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconArrowLeft, IconCalculator } from '@tabler/icons-react';
import { BASE_RATES } from '../../../core/rules/contribution-rates.ts';
import { isApiError } from '../../lib/api.ts';
import { fieldErrorsFrom } from '../../lib/field-errors.ts';
import { formatRupiah, todayInJakarta } from '../../lib/format.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { formatBasisPoints } from './planner-format.ts';
import { useBudgetPlan } from './planner-api.ts';
import { PlannerForm } from './planner-form.tsx';
import { PlannerResults } from './planner-results.tsx';
import {
  initialPlannerValues,
  PLANNER_FIELDS,
  SERVER_FIELDS,
  toPlanRequest,
  type PlannerField,
  type PlannerValues,
} from './planner-values.ts';

/** The server's messages placed on the form field they belong to. */
function formErrors(error: unknown, values: PlannerValues): Partial<Record<PlannerField, string>> {
  if (isApiError(error, 404) && values.villageSource === 'region') return { region: error.message };
  const byServer = fieldErrorsFrom(error, [...PLANNER_FIELDS, ...Object.keys(SERVER_FIELDS)]);
  const out: Partial<Record<PlannerField, string>> = {};
  for (const [field, message] of Object.entries(byServer)) {
    const target = SERVER_FIELDS[field] ?? (field as PlannerField);
    out[target] ??= message;
  }
  return out;
}

/** /program/perencana: seats from a budget, or the budget for seats, as the person types. */
export function BudgetPlannerPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('planner.title')} · ${t('app.name')}`);
  const [values, setValues] = useState(() => initialPlannerValues(todayInJakarta()));
  const request = useMemo(() => toPlanRequest(values), [values]);
  const plan = useBudgetPlan(request);
  const errors = plan.isError && !plan.typing ? formErrors(plan.error, values) : {};
  const fieldError = Object.keys(errors).length > 0;
  const base = BASE_RATES[BASE_RATES.length - 1]!;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/program" size="sm">
        <IconArrowLeft size={14} aria-hidden /> {t('nav.programs')}
      </Anchor>
      <PageHeader title={t('planner.title')} description={t('planner.intro')} />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="planner-input">
            <Title order={2} size="h4" id="planner-input" mb="sm">
              {t('planner.form.title')}
            </Title>
            <PlannerForm
              values={values}
              onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
              errors={errors}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper
            withBorder
            radius="md"
            p="md"
            component="section"
            aria-labelledby="planner-result"
            aria-live="polite"
            aria-busy={plan.typing || plan.isFetching}
          >
            <Title order={2} size="h4" id="planner-result" mb="sm">
              {t('planner.result.title')}{' '}
              {(plan.typing || plan.isFetching) && <Loader size="xs" ml="xs" />}
            </Title>
            {plan.empty ? (
              <Stack align="center" gap="xs" py="xl" c="dimmed">
                <IconCalculator size={40} aria-hidden />
                <Text ta="center">{t(`planner.result.empty.${values.mode}`)}</Text>
              </Stack>
            ) : plan.isError && !plan.typing ? (
              <Alert
                color={fieldError ? 'orange' : 'red'}
                variant="light"
                icon={<IconAlertCircle />}
                role="alert"
              >
                {fieldError ? t('planner.result.fixFields') : plan.error.message}
              </Alert>
            ) : plan.data ? (
              <div style={{ opacity: plan.typing || plan.isPlaceholderData ? 0.6 : 1 }}>
                <PlannerResults plan={plan.data} />
              </div>
            ) : (
              <Loader size="sm" />
            )}
            <Text size="xs" c="dimmed" mt="md">
              {t('planner.rateNote', {
                jkk: formatBasisPoints(base.percentBp.JKK),
                jkm: formatRupiah(base.flat.JKM),
                jht: formatBasisPoints(base.percentBp.JHT),
              })}
            </Text>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
