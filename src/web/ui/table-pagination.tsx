import { useTranslation } from 'react-i18next';
import { Group, Pagination, Text } from '@mantine/core';
import { formatNumber } from '../lib/format.ts';

interface TablePaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "Halaman 2 dari 5 · 93 baris" and page buttons under a server-paginated table. */
export function TablePagination({ page, pageSize, total, onChange }: TablePaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" gap="xs">
      <Text size="xs" c="dimmed">
        {t('pagination.summaryRows', { page, pages, total: formatNumber(total) })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onChange}
          size="sm"
          siblings={1}
          getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
        />
      )}
    </Group>
  );
}
