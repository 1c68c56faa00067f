import { useTranslation } from 'react-i18next';
import { Button, Menu, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconFileExport,
  IconFileSpreadsheet,
  IconFileTypePdf,
} from '@tabler/icons-react';
import { buildUrl } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';

/** The server's limit for a printed list (core/modules/enrollment/export-participants.ts). */
export const PDF_MAX_ROWS = 5_000;

interface ParticipantsExportMenuProps {
  programId: string;
  /** The list's filters: the file holds every page of the same list. */
  filters: { status?: string | undefined; q?: string | undefined; region?: string | undefined };
  /** Rows in the filtered list (unknown while it loads). */
  total: number | undefined;
}

/** "Unduh": the filtered participants as Excel, or as a PDF to print (the server audits each). */
export function ParticipantsExportMenu({ programId, filters, total }: ParticipantsExportMenuProps) {
  const { t } = useTranslation();
  const tooLong = total !== undefined && total > PDF_MAX_ROWS;
  const url = (format: 'xlsx' | 'pdf') =>
    buildUrl(`/api/programs/${programId}/participants.${format}`, filters);
  return (
    <Menu position="bottom-end" width={300} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFileExport size={18} aria-hidden />}
          rightSection={<IconChevronDown size={16} aria-hidden />}
          data-testid="participants-export"
        >
          {t('enrollment.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('enrollment.export.label')}</Menu.Label>
        <Menu.Item
          component="a"
          href={url('xlsx')}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          data-testid="participants-export-xlsx"
        >
          {t('enrollment.export.xlsx')}
        </Menu.Item>
        <Menu.Item
          component="a"
          {...(tooLong ? {} : { href: url('pdf'), download: true })}
          disabled={tooLong}
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          data-testid="participants-export-pdf"
        >
          {t('enrollment.export.pdf')}
        </Menu.Item>
        <Text size="xs" c="dimmed" px="sm" pb="xs" pt={4}>
          {tooLong
            ? t('enrollment.export.pdfTooLong', {
                total: formatNumber(total),
                max: formatNumber(PDF_MAX_ROWS),
              })
            : t('enrollment.export.hint')}
        </Text>
      </Menu.Dropdown>
    </Menu>
  );
}
