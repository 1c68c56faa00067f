import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { ROLES } from '../../../core/modules/accounts/roles.schema.ts';
import { RegionPicker } from '../regions/region-picker.tsx';

export const USER_FILTERS = ['q', 'role', 'active', 'region'] as const;
export type UserFilterValues = Record<(typeof USER_FILTERS)[number], string>;

interface UserFiltersProps {
  values: UserFilterValues;
  onChange: (patch: Partial<UserFilterValues>) => void;
  onReset: () => void;
}

export function UserFilters({ values, onChange, onReset }: UserFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(values.q);
  const [debounced] = useDebouncedValue(q.trim(), 300);

  useEffect(() => {
    if (debounced !== values.q) onChange({ q: debounced });
    // Only the typed text drives this effect; the address follows it.
  }, [debounced]);

  const any = USER_FILTERS.some((k) => values[k] !== '');

  return (
    <Group align="flex-end" gap="sm" role="search">
      <TextInput
        type="search"
        label={t('users.filter.q')}
        placeholder={t('users.filter.qPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maxLength={100}
        w={{ base: '100%', sm: 240 }}
      />
      <Select
        label={t('users.filter.role')}
        placeholder={t('users.filter.allRoles')}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={values.role || null}
        onChange={(v) => onChange({ role: v ?? '' })}
        clearable
        w={{ base: '100%', sm: 240 }}
      />
      <Select
        label={t('users.filter.status')}
        placeholder={t('users.filter.allStatuses')}
        data={[
          { value: 'true', label: t('users.status.active') },
          { value: 'false', label: t('users.status.inactive') },
        ]}
        value={values.active || null}
        onChange={(v) => onChange({ active: v ?? '' })}
        clearable
        w={{ base: '100%', sm: 160 }}
      />
      <Box w={{ base: '100%', sm: 260 }}>
        <RegionPicker
          label={t('users.filter.region')}
          value={values.region ? [values.region] : []}
          onChange={(codes) => onChange({ region: codes[0] ?? '' })}
          clearable
        />
      </Box>
      {any && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => {
            setQ('');
            onReset();
          }}
        >
          {t('common.resetFilters')}
        </Button>
      )}
    </Group>
  );
}
