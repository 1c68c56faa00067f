import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { PLAN_LIMITS } from '../../../core/rules/budget-plan.ts';
import { DECLARED_INCOME, FUNDER_TYPE_CODES } from '../../../core/rules/contribution-rates.ts';
import { RegionPicker } from '../regions/region-picker.tsx';
import { formatPeriod } from './program-format.ts';
import type { ProgramField, ProgramFormValues } from './program-form-values.ts';
import { useProgramList } from './programs-api.ts';

export interface SectionProps {
  values: ProgramFormValues;
  onChange: (patch: Partial<ProgramFormValues>) => void;
  errors: Partial<Record<ProgramField, string>>;
}

export const rupiahInput = {
  prefix: 'Rp ',
  thousandSeparator: '.',
  decimalSeparator: ',',
  allowDecimal: false,
  allowNegative: false,
} as const;

export function FormSection(props: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={props.id} h="100%">
      <Title order={2} size="h4" id={props.id} mb="sm">
        {props.title}
      </Title>
      <Stack gap="md">{props.children}</Stack>
    </Paper>
  );
}

/** 1 · Name, owner region, funder, budget reference, the program this one follows. */
export function IdentitySection({
  values: v,
  onChange,
  errors,
  selfId,
}: SectionProps & { selfId?: string | undefined }) {
  const { t } = useTranslation();
  const earlier = useProgramList({ page: 1, pageSize: 200 });
  const previous = (earlier.data?.items ?? [])
    .filter((p) => p.id !== selfId)
    .map((p) => ({ value: p.id, label: `${p.name} · ${formatPeriod(p.firstMonth, p.lastMonth)}` }));
  return (
    <FormSection id="program-identity" title={t('programs.form.identity')}>
      <TextInput
        label={t('programs.field.name')}
        placeholder={t('programs.field.namePlaceholder')}
        value={v.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={errors.name}
        required
        maxLength={200}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <RegionPicker
          label={t('programs.field.ownerRegion')}
          description={t('programs.field.ownerRegionHint')}
          value={v.ownerRegion ? [v.ownerRegion] : []}
          onChange={(codes) => onChange({ ownerRegion: codes[0] ?? null })}
          error={errors.ownerRegion}
          required
        />
        <Select
          label={t('programs.field.funderType')}
          description={t('programs.field.funderHint')}
          placeholder={t('programs.field.funderPlaceholder')}
          data={FUNDER_TYPE_CODES.map((f) => ({ value: f, label: t(`planner.funder.${f}`) }))}
          value={v.funderType}
          onChange={(f) => onChange({ funderType: f })}
          error={errors.funderType}
          required
          allowDeselect={false}
        />
        <TextInput
          label={t('programs.field.budgetReference')}
          description={t('programs.field.budgetReferenceHint')}
          value={v.budgetReference}
          onChange={(e) => onChange({ budgetReference: e.currentTarget.value })}
          error={errors.budgetReference}
          maxLength={200}
        />
        <Select
          label={t('programs.field.previous')}
          description={t('programs.field.previousHint')}
          placeholder={t('programs.field.previousNone')}
          data={previous}
          value={v.previousId}
          onChange={(id) => onChange({ previousId: id })}
          error={errors.previousId}
          searchable
          clearable
        />
      </SimpleGrid>
    </FormSection>
  );
}

/** 2 · Months, package and declared income. */
export function PeriodSection({ values: v, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormSection id="program-period" title={t('programs.form.period')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <MonthPickerInput
          label={t('planner.form.firstMonth')}
          description={t('programs.field.firstMonthHint')}
          value={v.firstMonth}
          onChange={(firstMonth) => onChange({ firstMonth })}
          error={errors.firstMonth}
          locale="id"
          valueFormat="MMMM YYYY"
          required
        />
        <MonthPickerInput
          label={t('planner.form.lastMonth')}
          description={t('programs.field.lastMonthHint', { count: PLAN_LIMITS.maxMonths })}
          value={v.lastMonth}
          onChange={(lastMonth) => onChange({ lastMonth })}
          error={errors.lastMonth}
          locale="id"
          valueFormat="MMMM YYYY"
          minDate={v.firstMonth ?? undefined}
          required
        />
        <NumberInput
          label={t('planner.form.declaredIncome')}
          description={t('programs.field.declaredIncomeHint')}
          value={v.declaredIncome}
          onChange={(declaredIncome) => onChange({ declaredIncome })}
          error={errors.declaredIncome}
          {...rupiahInput}
          min={DECLARED_INCOME.min}
          max={DECLARED_INCOME.max}
          step={100_000}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={t('planner.form.package')}
        description={t('planner.form.packageHint')}
        value={v.jht ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM']}
        onChange={(picked) => onChange({ jht: picked.includes('JHT') })}
        error={errors.package}
      >
        <Group gap="md" mt={6}>
          <Checkbox value="JKK" label={t('planner.form.jkk')} disabled />
          <Checkbox value="JKM" label={t('planner.form.jkm')} disabled />
          <Checkbox value="JHT" label={t('planner.form.jht')} />
        </Group>
      </Checkbox.Group>
    </FormSection>
  );
}
