import { useTranslation } from 'react-i18next';
import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { WorkerListItem } from '../../../core/modules/workers/workers.schema.ts';
import { LIFE_STATUS_COLOR } from './worker-labels.ts';

export function LifeStatusBadge({ status }: { status: WorkerListItem['lifeStatus'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={LIFE_STATUS_COLOR[status]}>
      {t(`workers.lifeStatus.${status}`)}
    </Badge>
  );
}

export function WarningCountBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Badge
      variant="light"
      color="orange"
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
      title={t('workers.warningCount', { count })}
      aria-label={t('workers.warningCount', { count })}
    >
      {count}
    </Badge>
  );
}
