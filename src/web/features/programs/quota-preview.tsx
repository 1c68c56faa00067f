import { useTranslation } from 'react-i18next';
import { Alert, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { formatNumber, formatRupiah } from '../../lib/format.ts';
import type { useBudgetPlan } from './planner-api.ts';
import type { QuotaRule } from './program-form-values.ts';

function Figure(props: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <Paper withBorder radius="md" p="xs" bg={props.strong ? 'teal.0' : undefined}>
      <Text size="xs" c="dimmed" component="dt">
        {props.label}
      </Text>
      <Text
        component="dd"
        m={0}
        fw={700}
        size={props.strong ? 'lg' : 'md'}
        data-testid={props.testId}
      >
        {props.value}
      </Text>
    </Paper>
  );
}

/**
 * What the quota gives as the form is filled, from the budget planner (the same arithmetic the
 * server uses when it saves the program): villages, seats, and the money for the period.
 */
export function QuotaPreview({
  rule,
  plan,
}: {
  rule: QuotaRule;
  plan: ReturnType<typeof useBudgetPlan>;
}) {
  const { t } = useTranslation();
  const busy = plan.typing || plan.isFetching;
  const p = plan.data;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="program-preview"
      aria-live="polite"
      aria-busy={busy}
      h="100%"
    >
      <Title order={2} size="h4" id="program-preview" mb="sm">
        {t('programs.preview.title')} {busy && <Loader size="xs" ml="xs" />}
      </Title>
      {plan.empty ? (
        <Stack align="center" gap="xs" py="lg" c="dimmed">
          <IconCalculator size={36} aria-hidden />
          <Text ta="center" size="sm">
            {t('programs.preview.empty')}
          </Text>
        </Stack>
      ) : plan.isError && !plan.typing ? (
        <Alert color="orange" variant="light" role="alert">
          {plan.error.message}
        </Alert>
      ) : p ? (
        <Stack gap="sm" style={{ opacity: plan.typing || plan.isPlaceholderData ? 0.6 : 1 }}>
          <Text size="sm" data-testid="preview-villages">
            {t('programs.preview.villages', {
              count: p.villages,
              total: formatNumber(p.villages),
              name: p.region?.name ?? '',
            })}
          </Text>
          <SimpleGrid cols={2} spacing="xs" component="dl" m={0}>
            {rule === 'explicit' ? (
              <>
                <Figure
                  label={t('programs.preview.costPerSeat', { count: p.months })}
                  value={formatRupiah(p.costPerSeat)}
                  testId="preview-costPerSeat"
                  strong
                />
                <Figure
                  label={t('programs.preview.monthly')}
                  value={formatRupiah(p.monthlyContribution)}
                  testId="preview-monthly"
                />
              </>
            ) : (
              <>
                <Figure
                  label={t('programs.preview.totalSeats')}
                  value={formatNumber(p.totalSeats)}
                  testId="preview-totalSeats"
                  strong
                />
                <Figure
                  label={t('programs.preview.money')}
                  value={formatRupiah(p.used)}
                  testId="preview-money"
                  strong
                />
                <Figure
                  label={t('programs.preview.seatsPerVillage')}
                  value={formatNumber(p.seatsPerVillage)}
                  testId="preview-seatsPerVillage"
                />
                <Figure
                  label={t('programs.preview.costPerSeat', { count: p.months })}
                  value={formatRupiah(p.costPerSeat)}
                  testId="preview-costPerSeat"
                />
                {rule === 'budget_per_village' && (
                  <>
                    <Figure
                      label={t('programs.preview.budget')}
                      value={formatRupiah(p.budget)}
                      testId="preview-budget"
                    />
                    <Figure
                      label={t('programs.preview.remainder')}
                      value={formatRupiah(p.remainder)}
                      testId="preview-remainder"
                    />
                  </>
                )}
              </>
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t(rule === 'explicit' ? 'programs.preview.explicitNote' : 'programs.preview.note')}
          </Text>
        </Stack>
      ) : (
        <Loader size="sm" />
      )}
    </Paper>
  );
}
