import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseButton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { RegionSearchResults } from './region-search-results.tsx';

const MIN_CHARS = 2;

/** Search regions by name or code ("bungo", "1508", "15.08"); results appear below the box. */
export function RegionSearch() {
  const { t } = useTranslation();
  const inputId = useId();
  const [value, setValue] = useState('');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(value.trim(), 300);
  const typed = value.trim();
  const tooShort = typed.length > 0 && typed.length < MIN_CHARS;

  const change = (next: string) => {
    setValue(next);
    setPage(1);
  };

  return (
    <Stack gap="xs" role="search">
      <TextInput
        id={inputId}
        type="search"
        label={t('regions.search.label')}
        description={t('regions.search.description')}
        placeholder={t('regions.search.placeholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          value ? (
            <CloseButton
              size="sm"
              aria-label={t('regions.search.clear')}
              onClick={() => change('')}
            />
          ) : null
        }
        value={value}
        onChange={(e) => change(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') change('');
        }}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
      />
      <div aria-live="polite">
        {tooShort && (
          <Text size="sm" c="dimmed">
            {t('regions.search.tooShort', { count: MIN_CHARS })}
          </Text>
        )}
      </div>
      {!tooShort && debounced.length >= MIN_CHARS && typed.length >= MIN_CHARS && (
        <RegionSearchResults q={debounced} page={page} onPageChange={setPage} />
      )}
    </Stack>
  );
}
