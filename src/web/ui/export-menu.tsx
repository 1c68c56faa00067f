import { useTranslation } from 'react-i18next';
import { Button, Menu, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconFileExport,
  IconFileSpreadsheet,
  IconFileTypePdf,
} from '@tabler/icons-react';
import { formatNumber } from '../lib/format.ts';

export interface ExportMenuProps {
  /** The file of each format (the server audits each download). */
  urls: Record<'xlsx' | 'pdf', string>;
  /** Rows of the list (unknown while it loads): above `pdfMax` the PDF is disabled. */
  total: number | undefined;
  pdfMax: number;
  /** The i18n keys `button`, `label`, `xlsx`, `pdf`, `hint` and `pdfTooLong` under this prefix. */
  i18nPrefix: string;
  /** `<testId>` on the button, `<testId>-xlsx` and `<testId>-pdf` on the items. */
  testId: string;
}

/** "Unduh daftar": a list as Excel, or as a PDF to print unless it is too long to print. */
export function ExportMenu({ urls, total, pdfMax, i18nPrefix, testId }: ExportMenuProps) {
  const { t } = useTranslation();
  const tooLong = total !== undefined && total > pdfMax;
  return (
    <Menu position="bottom-end" width={300} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFileExport size={18} aria-hidden />}
          rightSection={<IconChevronDown size={16} aria-hidden />}
          data-testid={testId}
        >
          {t(`${i18nPrefix}.button`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t(`${i18nPrefix}.label`)}</Menu.Label>
        <Menu.Item
          component="a"
          href={urls.xlsx}
          download
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          data-testid={`${testId}-xlsx`}
        >
          {t(`${i18nPrefix}.xlsx`)}
        </Menu.Item>
        <Menu.Item
          component="a"
          {...(tooLong ? {} : { href: urls.pdf, download: true })}
          disabled={tooLong}
          leftSection={<IconFileTypePdf size={16} aria-hidden />}
          data-testid={`${testId}-pdf`}
        >
          {t(`${i18nPrefix}.pdf`)}
        </Menu.Item>
        <Text size="xs" c="dimmed" px="sm" pb="xs" pt={4}>
          {tooLong
            ? t(`${i18nPrefix}.pdfTooLong`, {
                total: formatNumber(total),
                max: formatNumber(pdfMax),
              })
            : t(`${i18nPrefix}.hint`)}
        </Text>
      </Menu.Dropdown>
    </Menu>
  );
}
