import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { SEGMENTS, type WorkerDetail } from '../../../core/modules/workers/workers.schema.ts';
import { findOccupation } from '../../../core/rules/occupations.ts';
import { todayInJakarta } from '../../lib/format.ts';
import { RegionPicker } from '../regions/region-picker.tsx';
import { NikField } from './nik-field.tsx';
import { OccupationSelect } from './occupation-select.tsx';
import type { FormField, WorkerFormValues } from './worker-form-values.ts';
import { isUsuallyNotBpu } from './worker-labels.ts';
import type { NikState } from './use-nik-check.ts';

interface SectionsProps {
  values: WorkerFormValues;
  set: <K extends FormField>(field: K, value: WorkerFormValues[K]) => void;
  errors: Partial<Record<FormField, string>>;
  nik: NikState;
  onFill: (() => void) | undefined;
  worker: WorkerDetail | undefined;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** "01-07-1985", "01/07/1985" or "1985-07-01" → "1985-07-01". */
function parseTypedDate(text: string): string | null {
  const s = text.trim();
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
}

export function WorkerFormSections({ values, set, errors, nik, onFill, worker }: SectionsProps) {
  const { t } = useTranslation();
  const text = (field: FormField & keyof WorkerFormValues) => ({
    value: String(values[field]),
    onChange: (e: { currentTarget: { value: string } }) =>
      set(field, e.currentTarget.value as never),
    error: errors[field],
  });
  const occupation = findOccupation(Number(values.occupationCode));
  const keepHint = worker ? t('workers.form.keepHint') : undefined;
  return (
    <>
      <Section id="form-identity" title={t('workers.section.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NikField
            value={values.nik}
            onChange={(v) => set('nik', v)}
            state={nik}
            error={errors.nik}
            required={!worker}
            placeholder={worker?.nikMasked}
            description={keepHint ?? t('workers.form.nikHint')}
            onFill={onFill}
          />
          <TextInput
            label={t('workers.field.kk')}
            description={keepHint ?? t('workers.form.kkHint')}
            placeholder={worker?.kkMasked ?? undefined}
            inputMode="numeric"
            maxLength={24}
            {...text('kk')}
          />
          <TextInput
            label={t('workers.field.fullName')}
            required
            maxLength={120}
            {...text('fullName')}
          />
          <TextInput label={t('workers.field.birthPlace')} maxLength={80} {...text('birthPlace')} />
          <DateInput
            label={t('workers.field.birthDate')}
            description={t('workers.form.birthDateHint')}
            required
            value={values.birthDate || null}
            onChange={(v) => set('birthDate', v ?? '')}
            dateParser={parseTypedDate}
            valueFormat="D MMMM YYYY"
            locale="id"
            defaultLevel={values.birthDate ? 'month' : 'decade'}
            maxDate={todayInJakarta()}
            error={errors.birthDate}
            clearable
            popoverProps={{ withinPortal: true }}
          />
          <Input.Wrapper
            label={t('workers.field.sex')}
            id="worker-sex"
            required
            error={errors.sex}
            labelElement="div"
          >
            <div>
              <SegmentedControl
                aria-labelledby="worker-sex-label"
                data={[
                  { value: 'L', label: t('workers.sex.L') },
                  { value: 'P', label: t('workers.sex.P') },
                ]}
                value={values.sex}
                onChange={(v) => set('sex', v as 'L' | 'P')}
                w={{ base: '100%', sm: 280 }}
              />
            </div>
          </Input.Wrapper>
        </SimpleGrid>
      </Section>
      <Section id="form-domicile" title={t('workers.section.domicile')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <RegionPicker
            label={t('workers.field.village')}
            level="village"
            value={values.villageCode ? [values.villageCode] : []}
            known={worker ? [{ code: worker.villageCode, name: worker.villageName }] : undefined}
            onChange={(codes) => set('villageCode', codes[0] ?? '')}
            error={errors.villageCode}
            required
          />
          <TextInput label={t('workers.field.address')} maxLength={200} {...text('address')} />
          <TextInput label={t('workers.field.dusun')} maxLength={80} {...text('dusun')} />
          <SimpleGrid cols={2} spacing="md">
            <TextInput label={t('workers.field.rw')} maxLength={5} {...text('rw')} />
            <TextInput label={t('workers.field.rt')} maxLength={5} {...text('rt')} />
          </SimpleGrid>
          <TextInput
            label={t('workers.field.phone')}
            placeholder="0812-3456-7890"
            inputMode="tel"
            maxLength={20}
            {...text('phone')}
          />
        </SimpleGrid>
      </Section>
      <WorkSection
        values={values}
        set={set}
        errors={errors}
        occupationWarn={isUsuallyNotBpu(occupation)}
      />
      <Section id="form-bpjs" title={t('workers.section.bpjs')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('workers.field.kpj')}
            description={keepHint ?? t('workers.form.kpjHint')}
            placeholder={worker?.kpjMasked ?? undefined}
            inputMode="numeric"
            maxLength={20}
            {...text('kpj')}
          />
        </SimpleGrid>
      </Section>
    </>
  );
}

interface WorkSectionProps {
  values: WorkerFormValues;
  set: SectionsProps['set'];
  errors: SectionsProps['errors'];
  occupationWarn: boolean;
}

function WorkSection({ values, set, errors, occupationWarn }: WorkSectionProps) {
  const { t } = useTranslation();
  return (
    <Section id="form-work" title={t('workers.section.work')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap={4}>
          <OccupationSelect
            label={t('workers.field.occupation')}
            placeholder={t('workers.form.occupationPlaceholder')}
            value={values.occupationCode}
            onChange={(v) => set('occupationCode', v)}
            error={errors.occupationCode}
            required
            withHints
          />
          {occupationWarn && (
            <Text size="xs" c="orange.8">
              {t('workers.form.notBpuHint')}
            </Text>
          )}
        </Stack>
        <Select
          label={t('workers.field.segment')}
          data={SEGMENTS.map((s) => ({ value: s, label: t(`workers.segment.${s}`) }))}
          value={values.segment}
          onChange={(v) => v && set('segment', v)}
          error={errors.segment}
          allowDeselect={false}
        />
        <NumberInput
          label={t('workers.field.declaredIncome')}
          description={t('workers.form.incomeHint')}
          value={values.declaredIncome}
          onChange={(v) => set('declaredIncome', v)}
          error={errors.declaredIncome}
          prefix="Rp "
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          allowNegative={false}
          min={1_000_000}
          max={20_700_000}
          step={100_000}
          clampBehavior="blur"
        />
        <SimpleGrid cols={3} spacing="sm">
          <Select
            label={t('workers.field.welfareDecile')}
            data={Array.from({ length: 10 }, (_, i) => String(i + 1))}
            value={values.welfareDecile || null}
            onChange={(v) => set('welfareDecile', v ?? '')}
            error={errors.welfareDecile}
            clearable
          />
          <Select
            label={t('workers.field.decileSource')}
            data={[
              { value: 'P3KE', label: 'P3KE' },
              { value: 'DTSEN', label: 'DTSEN' },
              { value: 'lainnya', label: t('workers.decileSource.lainnya') },
            ]}
            value={values.decileSource || null}
            onChange={(v) => set('decileSource', v ?? '')}
            error={errors.decileSource}
            clearable
          />
          <NumberInput
            label={t('workers.field.decileYear')}
            value={values.decileYear}
            onChange={(v) => set('decileYear', v)}
            error={errors.decileYear}
            min={2015}
            max={2100}
            allowDecimal={false}
            hideControls
          />
        </SimpleGrid>
      </SimpleGrid>
    </Section>
  );
}
