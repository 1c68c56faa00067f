import { useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  MultiSelect,
  Select,
  Stack,
  Text,
  type ComboboxItem,
  type OptionsFilter,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type {
  RegionDetail,
  RegionList,
  RegionSearchHit,
} from '../../../core/modules/regions/regions.schema.ts';
import { api } from '../../lib/api.ts';

type Level = RegionSearchHit['level'];

export interface PickedRegion {
  code: string;
  name: string;
}

interface RegionPickerProps {
  label: string;
  description?: string;
  placeholder?: string;
  /** Codes picked; one at most unless `multiple`. */
  value: string[];
  /** Names of the codes already picked (e.g. from a user's `scopeNames`). */
  known?: PickedRegion[];
  onChange: (codes: string[], picked: PickedRegion[]) => void;
  multiple?: boolean;
  /** Offer only regions at this level. */
  level?: Level;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  size?: 'xs' | 'sm';
}

const MIN_CHARS = 2;

/** Searches GET /api/regions?q= (name or code); shows name and path, keeps the code. */
export function RegionPicker(props: RegionPickerProps) {
  const { t } = useTranslation();
  const { value, known = [], multiple = false, level } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [names, setNames] = useState<Record<string, PickedRegion & { path?: string }>>({});

  const hits = useQuery({
    queryKey: ['regions', 'picker', debounced, level],
    queryFn: ({ signal }) =>
      api<RegionList>('/api/regions', {
        query: { q: debounced, pageSize: 50, ...(level ? { level } : {}) },
        signal,
      }),
    enabled: debounced.length >= MIN_CHARS,
    staleTime: 5 * 60_000,
  });

  // A code that came from the address (a filter after reload) has no name yet: look it up.
  const unnamed = value.filter((c) => !names[c] && !known.some((k) => k.code === c));
  const lookedUp = useQueries({
    queries: unnamed.map((code) => ({
      queryKey: ['regions', 'detail', code],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal }),
      staleTime: 10 * 60_000,
    })),
  });
  const fetchedNames = new Map(
    lookedUp.flatMap((q) => (q.data ? [[q.data.code, q.data.name] as const] : [])),
  );

  const found = useMemo(() => hits.data?.items ?? [], [hits.data]);

  // Picked regions first, then the search hits.
  const byCode = new Map<string, ComboboxItem>();
  for (const code of value) {
    const name =
      names[code]?.name ??
      known.find((k) => k.code === code)?.name ??
      fetchedNames.get(code) ??
      code;
    byCode.set(code, { value: code, label: name });
  }
  for (const r of found) byCode.set(r.code, { value: r.code, label: r.name });
  const data: ComboboxItem[] = [...byCode.values()];

  const paths = useMemo(() => new Map(found.map((r) => [r.code, r.path])), [found]);

  const change = (codes: string[]) => {
    const next = { ...names };
    for (const r of found) next[r.code] = { code: r.code, name: r.name, path: r.path };
    setNames(next);
    props.onChange(
      codes,
      codes.map((c) => ({
        code: c,
        name: next[c]?.name ?? known.find((k) => k.code === c)?.name ?? c,
      })),
    );
  };

  const nothingFound =
    debounced.length < MIN_CHARS
      ? t('regionPicker.typeToSearch', { count: MIN_CHARS })
      : hits.isFetching
        ? t('common.loading')
        : hits.isError
          ? hits.error.message
          : t('regionPicker.none');

  const common = {
    label: props.label,
    description: props.description,
    placeholder: props.placeholder ?? t('regionPicker.placeholder'),
    data,
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    // The server already matched the text: show its answer as is.
    filter: (({ options }) => options) as OptionsFilter,
    nothingFoundMessage: nothingFound,
    error: props.error,
    required: props.required,
    clearable: props.clearable,
    size: props.size,
    renderOption: ({ option }: { option: ComboboxItem }) => (
      <Stack gap={0}>
        <Text size="sm">
          {option.label}{' '}
          <Text span size="xs" ff="monospace" c="dimmed">
            {option.value}
          </Text>
        </Text>
        {paths.get(option.value) && (
          <Text size="xs" c="dimmed">
            {paths.get(option.value)}
          </Text>
        )}
      </Stack>
    ),
    comboboxProps: { withinPortal: true },
    maxDropdownHeight: 280,
  };

  if (multiple) {
    return <MultiSelect {...common} value={value} onChange={change} hidePickedOptions />;
  }
  return (
    <Select {...common} value={value[0] ?? null} onChange={(code) => change(code ? [code] : [])} />
  );
}
