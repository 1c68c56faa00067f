import { useTranslation } from 'react-i18next';
import {
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { AGE_LIMITS } from '../../../core/modules/programs/program.schema.ts';
import type { VillageKind } from '../../../core/modules/programs/programs.schema.ts';
import { SEGMENTS } from '../../../core/modules/workers/workers.schema.ts';
import { PLAN_LIMITS } from '../../../core/rules/budget-plan.ts';
import type { OccupationClass } from '../../../core/rules/occupations.ts';
import { occupationOptions } from '../workers/worker-labels.ts';
import type { QuotaRule } from './program-form-values.ts';
import { FormSection, rupiahInput, type SectionProps } from './program-form-sections.tsx';

const KINDS: VillageKind[] = ['desa', 'kelurahan', 'desa_adat'];
const RULES: QuotaRule[] = ['per_village', 'budget_per_village', 'explicit'];

/** 3 · Who may be enrolled (DOMAIN §5). */
export function EligibilitySection({ values: v, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  const age = {
    allowDecimal: false,
    allowNegative: false,
    min: AGE_LIMITS.min,
    max: AGE_LIMITS.max,
  };
  return (
    <FormSection id="program-eligibility" title={t('programs.form.eligibility')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <NumberInput
          label={t('programs.field.minAge')}
          description={t('programs.field.minAgeHint')}
          value={v.minAge}
          onChange={(minAge) => onChange({ minAge })}
          error={errors.minAge}
          {...age}
        />
        <NumberInput
          label={t('programs.field.maxAge')}
          description={t('programs.field.ageHint')}
          value={v.maxAge}
          onChange={(maxAge) => onChange({ maxAge })}
          error={errors.maxAge}
          {...age}
        />
        <Select
          label={t('programs.field.maxDecile')}
          description={t('programs.field.maxDecileHint')}
          placeholder={t('programs.field.noLimit')}
          data={Array.from({ length: 10 }, (_, i) => String(i + 1))}
          value={v.maxDecile}
          onChange={(maxDecile) => onChange({ maxDecile })}
          error={errors.maxDecile}
          clearable
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <MultiSelect
          label={t('programs.field.segments')}
          description={t('programs.field.segmentsHint')}
          placeholder={v.segments.length === 0 ? t('programs.field.allSegments') : undefined}
          data={SEGMENTS.map((s) => ({ value: s, label: t(`workers.segment.${s}`) }))}
          value={v.segments}
          onChange={(segments) => onChange({ segments })}
          error={errors.segments}
          clearable
        />
        <MultiSelect
          label={t('programs.field.occupations')}
          description={t('programs.field.occupationsHint')}
          placeholder={v.occupations.length === 0 ? t('programs.field.allOccupations') : undefined}
          data={occupationOptions((c: OccupationClass) => t(`workers.occupationClass.${c}`))}
          value={v.occupations}
          onChange={(occupations) => onChange({ occupations })}
          error={errors.occupations}
          searchable
          clearable
          maxDropdownHeight={280}
        />
      </SimpleGrid>
    </FormSection>
  );
}

/** 4 · How the seats are set, which villages take part, and whether the district verifies. */
export function QuotaSection({ values: v, onChange, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <FormSection id="program-quota" title={t('programs.form.quota')}>
      <Radio.Group
        label={t('programs.field.rule')}
        value={v.rule}
        onChange={(rule) => onChange({ rule: rule })}
        error={errors.rule}
      >
        <Stack gap={6} mt={6}>
          {RULES.map((r) => (
            <Radio key={r} value={r} label={t(`programs.rule.${r}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {v.rule === 'per_village' && (
        <NumberInput
          label={t('programs.field.seats')}
          value={v.seats}
          onChange={(seats) => onChange({ seats })}
          error={errors.seats}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          min={1}
          max={PLAN_LIMITS.maxSeatsPerVillage}
        />
      )}
      {v.rule === 'budget_per_village' && (
        <NumberInput
          label={t('programs.field.budgetPerVillage')}
          description={t('programs.field.budgetPerVillageHint')}
          value={v.budgetPerVillage}
          onChange={(budgetPerVillage) => onChange({ budgetPerVillage })}
          error={errors.budgetPerVillage}
          {...rupiahInput}
        />
      )}
      {v.rule === 'explicit' && (
        <Text size="sm" c="dimmed">
          {t('programs.field.explicitHint')}
        </Text>
      )}
      <Checkbox.Group
        label={t('programs.field.villageKinds')}
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
      <Switch
        label={t('programs.field.districtStep')}
        description={t('programs.field.districtStepHint')}
        checked={v.districtStep}
        onChange={(e) => onChange({ districtStep: e.currentTarget.checked })}
      />
    </FormSection>
  );
}
