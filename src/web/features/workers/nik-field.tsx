import { useTranslation } from 'react-i18next';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { formatDate } from '../../lib/format.ts';
import type { NikState } from './use-nik-check.ts';

interface NikFieldProps {
  value: string;
  onChange: (value: string) => void;
  state: NikState;
  /** A server or schema message for the field. */
  error?: string | undefined;
  placeholder?: string | undefined;
  description?: string | undefined;
  required?: boolean;
  /** Offered when the NIK decodes and birth date or sex is still empty. */
  onFill?: (() => void) | undefined;
}

/** The NIK input with what the number says, decoded as it is typed. */
export function NikField(props: NikFieldProps) {
  const { t } = useTranslation();
  const { state } = props;
  const decoded = state.check?.decoded;
  const shown = state.error ?? props.error;
  const summary =
    decoded && !state.error
      ? [
          t('workers.nik.district', {
            code: decoded.districtCode,
            name: state.district ? ` (${state.district.name})` : '',
          }),
          t('workers.nik.born', { date: formatDate(decoded.birthDate) }),
          t(`workers.sex.${decoded.sex}`).toLowerCase(),
        ].join(' · ')
      : undefined;
  return (
    <Stack gap={4}>
      <TextInput
        label={t('workers.field.nik')}
        description={props.description}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={shown}
        required={props.required}
        inputMode="numeric"
        autoComplete="off"
        maxLength={24}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        data-testid="nik-input"
      />
      {summary && (
        <Text size="xs" c="teal.8" data-testid="nik-decoded" aria-live="polite">
          {summary}
        </Text>
      )}
      {!state.error &&
        state.check?.warnings.map((w) => (
          <Text key={w.code} size="xs" c="orange.8">
            {w.message}
          </Text>
        ))}
      {decoded && !state.error && props.onFill && (
        <div>
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconWand size={14} aria-hidden />}
            onClick={props.onFill}
          >
            {t('workers.nik.fill')}
          </Button>
        </div>
      )}
    </Stack>
  );
}
