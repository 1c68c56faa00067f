import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Autocomplete,
  Box,
  Button,
  Group,
  Stack,
  Text,
  Select,
  TextInput,
  type ComboboxItem,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { RegionPicker } from '../regions/region-picker.tsx';
import { actionLabel, entityLabel, KNOWN_ACTIONS, KNOWN_ENTITIES } from './audit-actions.ts';

export const AUDIT_FILTERS = ['actor', 'action', 'entity', 'region', 'from', 'to'] as const;
export type AuditFilterValues = Record<(typeof AUDIT_FILTERS)[number], string>;

interface AuditFiltersProps {
  values: AuditFilterValues;
  onChange: (patch: Partial<AuditFilterValues>) => void;
  onReset: () => void;
}

/** Free text (who, action) is typed locally and reaches the address after a pause. */
export function AuditFilters({ values, onChange, onReset }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useState({
    actor: values.actor,
    action: values.action,
  });
  const [debounced] = useDebouncedValue(text, 400);

  useEffect(() => {
    const patch: Partial<AuditFilterValues> = {};
    for (const key of ['actor', 'action'] as const) {
      if (debounced[key].trim() !== values[key]) patch[key] = debounced[key].trim();
    }
    if (Object.keys(patch).length > 0) onChange(patch);
    // The typed text drives this effect; the address follows it.
  }, [debounced]);

  const labelOf = (action: string) => actionLabel(t, action) ?? action;
  const any = AUDIT_FILTERS.some((k) => values[k] !== '');
  const setText1 = (key: keyof typeof text) => (value: string) =>
    setText((prev) => ({ ...prev, [key]: value }));

  return (
    <Group align="flex-end" gap="sm" role="search">
      <TextInput
        label={t('audit.filter.actor')}
        placeholder={t('audit.filter.actorPlaceholder')}
        value={text.actor}
        onChange={(e) => setText1('actor')(e.currentTarget.value)}
        maxLength={100}
        w={{ base: '100%', sm: 150 }}
      />
      <Autocomplete
        label={t('audit.filter.action')}
        placeholder={t('audit.filter.actionPlaceholder')}
        data={[...KNOWN_ACTIONS]}
        filter={({ options, search }) => {
          const q = search.trim().toLowerCase();
          return (options as ComboboxItem[]).filter(
            (o) => o.value.toLowerCase().includes(q) || labelOf(o.value).toLowerCase().includes(q),
          );
        }}
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text size="sm">{labelOf(option.value)}</Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {option.value}
            </Text>
          </Stack>
        )}
        value={text.action}
        onChange={setText1('action')}
        maxLength={100}
        w={{ base: '100%', sm: 210 }}
        clearable
      />
      <Select
        label={t('audit.filter.entity')}
        placeholder={t('audit.filter.entityPlaceholder')}
        data={[...KNOWN_ENTITIES].map((e) => ({ value: e, label: entityLabel(t, e) ?? e }))}
        value={values.entity || null}
        onChange={(v) => onChange({ entity: v ?? '' })}
        clearable
        w={{ base: '100%', sm: 170 }}
      />
      <Box w={{ base: '100%', sm: 200 }}>
        <RegionPicker
          label={t('audit.filter.region')}
          value={values.region ? [values.region] : []}
          onChange={(codes) => onChange({ region: codes[0] ?? '' })}
          clearable
        />
      </Box>
      <TextInput
        type="date"
        label={t('audit.filter.from')}
        value={values.from}
        max={values.to || undefined}
        onChange={(e) => onChange({ from: e.currentTarget.value })}
        w={{ base: '100%', sm: 150 }}
      />
      <TextInput
        type="date"
        label={t('audit.filter.to')}
        value={values.to}
        min={values.from || undefined}
        onChange={(e) => onChange({ to: e.currentTarget.value })}
        w={{ base: '100%', sm: 150 }}
      />
      {any && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => {
            setText({ actor: '', action: '' });
            onReset();
          }}
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Group>
  );
}
