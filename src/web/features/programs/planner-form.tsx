import { useTranslation } from 'react-i18next';
import {
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import type { VillageKind } from '../../../core/modules/programs/programs.schema.ts';
import { PLAN_LIMITS } from '../../../core/rules/budget-plan.ts';
import { DECLARED_INCOME, FUNDER_TYPE_CODES } from '../../../core/rules/contribution-rates.ts';
import { RegionPicker } from '../regions/region-picker.tsx';
import type { PlannerField, PlannerValues } from './planner-values.ts';

interface PlannerFormProps {
  values: PlannerValues;
  onChange: (patch: Partial<PlannerValues>) => void;
  errors: Partial<Record<PlannerField, string>>;
}

const rupiahInput = {
  prefix: 'Rp ',
  thousandSeparator: '.',
  decimalSeparator: ',',
  allowDecimal: false,
  allowNegative: false,
} as const;

const KINDS: VillageKind[] = ['desa', 'kelurahan', 'desa_adat'];

/** The planner's inputs; every change recalculates (see BudgetPlannerPage). */
export function PlannerForm({ values: v, onChange, errors }: PlannerFormProps) {
  const { t } = useTranslation();
  const seats = v.mode === 'seatsPerVillage';
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('planner.form.mode.label')}
        value={v.mode}
        onChange={(mode) => onChange({ mode, amount: '' })}
      >
        <Group gap="md" mt={6}>
          {(['budgetTotal', 'budgetPerVillage', 'seatsPerVillage'] as const).map((m) => (
            <Radio key={m} value={m} label={t(`planner.form.mode.${m}`)} />
          ))}
        </Group>
      </Radio.Group>
      <NumberInput
        label={t(`planner.form.amount.${v.mode}`)}
        description={t(`planner.form.amountHint.${v.mode}`)}
        value={v.amount}
        onChange={(amount) => onChange({ amount })}
        error={errors.amount}
        {...(seats
          ? { allowDecimal: false, allowNegative: false, max: PLAN_LIMITS.maxSeatsPerVillage }
          : rupiahInput)}
        thousandSeparator="."
        decimalSeparator=","
        size="md"
      />

      <Stack gap={6}>
        <Text size="sm" fw={500} id="planner-period">
          {t('planner.form.period.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="planner-period"
          size="xs"
          value={v.periodMode}
          onChange={(p) => onChange({ periodMode: p })}
          data={[
            { value: 'months', label: t('planner.form.period.months') },
            { value: 'range', label: t('planner.form.period.range') },
          ]}
        />
        <SimpleGrid cols={2} spacing="sm">
          <MonthPickerInput
            label={t('planner.form.firstMonth')}
            value={v.firstMonth}
            onChange={(firstMonth) => onChange({ firstMonth })}
            error={errors.firstMonth}
            locale="id"
            valueFormat="MMMM YYYY"
          />
          {v.periodMode === 'months' ? (
            <NumberInput
              label={t('planner.form.months')}
              value={v.months}
              onChange={(months) => onChange({ months })}
              error={errors.months}
              allowDecimal={false}
              allowNegative={false}
              min={1}
              max={PLAN_LIMITS.maxMonths}
            />
          ) : (
            <MonthPickerInput
              label={t('planner.form.lastMonth')}
              value={v.lastMonth}
              onChange={(lastMonth) => onChange({ lastMonth })}
              error={errors.lastMonth ?? errors.months}
              locale="id"
              valueFormat="MMMM YYYY"
              minDate={v.firstMonth ?? undefined}
            />
          )}
        </SimpleGrid>
      </Stack>

      <NumberInput
        label={t('planner.form.declaredIncome')}
        description={t('planner.form.declaredIncomeHint')}
        value={v.declaredIncome}
        onChange={(declaredIncome) => onChange({ declaredIncome })}
        error={errors.declaredIncome}
        {...rupiahInput}
        min={DECLARED_INCOME.min}
        max={DECLARED_INCOME.max}
        step={100_000}
      />

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

      <Select
        label={t('planner.form.funderType')}
        description={t('planner.form.funderHint')}
        placeholder={t('planner.form.funderNone')}
        data={FUNDER_TYPE_CODES.map((f) => ({ value: f, label: t(`planner.funder.${f}`) }))}
        value={v.funderType}
        onChange={(f) => onChange({ funderType: f })}
        error={errors.funderType}
        clearable
      />
      <Switch
        label={t('planner.form.transport')}
        description={t('planner.form.transportHint')}
        checked={v.transport}
        onChange={(e) => onChange({ transport: e.currentTarget.checked })}
      />

      <Stack gap={6}>
        <Text size="sm" fw={500} id="planner-villages">
          {t('planner.form.villageSource.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="planner-villages"
          size="xs"
          value={v.villageSource}
          onChange={(s) => onChange({ villageSource: s })}
          data={[
            { value: 'count', label: t('planner.form.villageSource.count') },
            { value: 'region', label: t('planner.form.villageSource.region') },
          ]}
        />
        {v.villageSource === 'count' ? (
          <NumberInput
            label={t('planner.form.villages')}
            value={v.villages}
            onChange={(villages) => onChange({ villages })}
            error={errors.villages}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            min={1}
            max={PLAN_LIMITS.maxVillages}
          />
        ) : (
          <>
            <RegionPicker
              label={t('planner.form.region')}
              description={t('planner.form.regionHint')}
              value={v.region ? [v.region] : []}
              onChange={(codes) => onChange({ region: codes[0] ?? null })}
              error={errors.region}
              clearable
            />
            <Checkbox.Group
              label={t('planner.form.villageKinds')}
              value={v.villageKinds}
              onChange={(kinds) => onChange({ villageKinds: kinds })}
              error={errors.villageKinds}
            >
              <Group gap="md" mt={6}>
                {KINDS.map((k) => (
                  <Checkbox key={k} value={k} label={t(`planner.kind.${k}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          </>
        )}
      </Stack>
    </Stack>
  );
}
