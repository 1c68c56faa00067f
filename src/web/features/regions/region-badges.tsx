import { useTranslation } from 'react-i18next';
import { Badge } from '@mantine/core';

/** Grey badge for codes retired by a newer register. */
export function RetiredBadge({ retired }: { retired: boolean }) {
  const { t } = useTranslation();
  if (!retired) return null;
  return (
    <Badge color="gray" variant="light" size="sm" title={t('regions.retiredHint')}>
      {t('regions.retired')}
    </Badge>
  );
}
