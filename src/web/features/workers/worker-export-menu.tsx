import { useTranslation } from 'react-i18next';
import { Button, Menu, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconFileSpreadsheet,
  IconFileText,
  IconFileExport,
  IconTemplate,
} from '@tabler/icons-react';
import { buildUrl } from '../../lib/api.ts';
import { TEMPLATE_URL } from '../imports/imports-api.ts';
import type { WorkerFilterValues } from './worker-filters.tsx';

interface WorkerExportMenuProps {
  /** The list's filters and order: the file holds every page of the same list. */
  filters: WorkerFilterValues;
  /** Offer the import template too (for those who may import). */
  withTemplate: boolean;
}

/** "Ekspor": the filtered list as XLSX or CSV with full identifiers (the server audits each export). */
export function WorkerExportMenu({ filters, withTemplate }: WorkerExportMenuProps) {
  const { t } = useTranslation();
  const query = {
    q: filters.q,
    region: filters.region,
    segment: filters.segment,
    occupation: filters.occupation,
    status: filters.status,
    hasWarnings: filters.hasWarnings === 'true' ? 'true' : undefined,
    sort: filters.sort,
  };
  return (
    <Menu position="bottom-end" width={290} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFileExport size={18} aria-hidden />}
          rightSection={<IconChevronDown size={16} aria-hidden />}
          data-testid="worker-export"
        >
          {t('workers.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('workers.export.label')}</Menu.Label>
        <Menu.Item
          component="a"
          href={buildUrl('/api/workers/export.xlsx', query)}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          data-testid="worker-export-xlsx"
        >
          {t('workers.export.xlsx')}
        </Menu.Item>
        <Menu.Item
          component="a"
          href={buildUrl('/api/workers/export.csv', query)}
          download
          leftSection={<IconFileText size={16} aria-hidden />}
          data-testid="worker-export-csv"
        >
          {t('workers.export.csv')}
        </Menu.Item>
        <Text size="xs" c="dimmed" px="sm" pb="xs" pt={4}>
          {t('workers.export.hint')}
        </Text>
        {withTemplate && (
          <>
            <Menu.Divider />
            <Menu.Item
              component="a"
              href={TEMPLATE_URL}
              download
              leftSection={<IconTemplate size={16} aria-hidden />}
              data-testid="worker-export-template"
            >
              {t('workers.export.template')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
