import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { SEGMENTS } from '../../../core/modules/workers/workers.schema.ts';
import { RegionPicker } from '../regions/region-picker.tsx';
import { OccupationSelect } from './occupation-select.tsx';

export const WORKER_FILTERS = [
  'q',
  'region',
  'segment',
  'occupation',
  'status',
  'hasWarnings',
  'sort',
] as const;
export type WorkerFilterValues = Record<(typeof WORKER_FILTERS)[number], string>;

interface WorkerFiltersProps {
  values: WorkerFilterValues;
  onChange: (patch: Partial<WorkerFilterValues>) => void;
  /** The order of the list, shown with the filters. */
  sortControl?: ReactNode;
}

export function WorkerFilters({ values, onChange, sortControl }: WorkerFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(values.q);
  const [debounced] = useDebouncedValue(q.trim(), 300);

  useEffect(() => {
    if (debounced !== values.q) onChange({ q: debounced });
    // Only the typed text drives this effect; the address follows it.
  }, [debounced]);

  const any = WORKER_FILTERS.some((k) => k !== 'sort' && values[k] !== '');

  return (
    <Group align="flex-end" gap="sm" role="search">
      <TextInput
        type="search"
        label={t('workers.filter.q')}
        placeholder={t('workers.filter.qPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maxLength={100}
        w={{ base: '100%', sm: 260 }}
      />
      <Box w={{ base: '100%', sm: 240 }}>
        <RegionPicker
          label={t('workers.filter.region')}
          value={values.region ? [values.region] : []}
          onChange={(codes) => onChange({ region: codes[0] ?? '' })}
          clearable
        />
      </Box>
      <Select
        label={t('workers.filter.segment')}
        placeholder={t('workers.filter.allSegments')}
        data={SEGMENTS.map((s) => ({ value: s, label: t(`workers.segment.${s}`) }))}
        value={values.segment || null}
        onChange={(v) => onChange({ segment: v ?? '' })}
        clearable
        w={{ base: '100%', sm: 170 }}
      />
      <Box w={{ base: '100%', sm: 240 }}>
        <OccupationSelect
          label={t('workers.filter.occupation')}
          placeholder={t('workers.filter.allOccupations')}
          value={values.occupation}
          onChange={(v) => onChange({ occupation: v })}
        />
      </Box>
      <Select
        label={t('workers.filter.status')}
        placeholder={t('workers.filter.allStatuses')}
        data={(['alive', 'dead', 'moved'] as const).map((s) => ({
          value: s,
          label: t(`workers.lifeStatus.${s}`),
        }))}
        value={values.status || null}
        onChange={(v) => onChange({ status: v ?? '' })}
        clearable
        w={{ base: '100%', sm: 160 }}
      />
      {sortControl}
      <Checkbox
        label={t('workers.filter.hasWarnings')}
        checked={values.hasWarnings === 'true'}
        onChange={(e) => onChange({ hasWarnings: e.currentTarget.checked ? 'true' : '' })}
        mb={8}
      />
      {any && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => {
            // The sort order is kept: it is not a filter.
            setQ('');
            onChange({
              q: '',
              region: '',
              segment: '',
              occupation: '',
              status: '',
              hasWarnings: '',
            });
          }}
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Group>
  );
}
