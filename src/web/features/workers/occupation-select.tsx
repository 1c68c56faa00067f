import { useTranslation } from 'react-i18next';
import { Select, Text } from '@mantine/core';
import { findOccupation, type OccupationClass } from '../../../core/rules/occupations.ts';
import { isUsuallyNotBpu, occupationOptions } from './worker-labels.ts';

interface OccupationSelectProps {
  label: string;
  placeholder?: string;
  description?: string;
  /** The code as a string ('' for none). */
  value: string;
  onChange: (code: string) => void;
  error?: string;
  required?: boolean;
  /** Show under each option whether it is usually outside BPU. */
  withHints?: boolean;
}

/** The Dukcapil occupation list, searchable by code or name, grouped by class. */
export function OccupationSelect(props: OccupationSelectProps) {
  const { t } = useTranslation();
  const data = occupationOptions((c: OccupationClass) => t(`workers.occupationClass.${c}`));
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      description={props.description}
      data={data}
      value={props.value || null}
      onChange={(v) => props.onChange(v ?? '')}
      error={props.error}
      required={props.required}
      searchable
      clearable
      maxDropdownHeight={320}
      nothingFoundMessage={t('workers.form.occupationNone')}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const occupation = findOccupation(Number(option.value));
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {props.withHints && isUsuallyNotBpu(occupation) && (
              <Text size="xs" c="orange.8">
                {t('workers.form.notBpuHint')}
              </Text>
            )}
          </div>
        );
      }}
    />
  );
}
