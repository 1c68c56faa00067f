import { useTranslation } from 'react-i18next';
import { Badge } from '@mantine/core';
import type { MoveStatus } from '../../../core/modules/workers/move-requests.schema.ts';

export const MOVE_STATUS_COLOR: Record<MoveStatus, string> = {
  pending: 'yellow',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
};

/** Menunggu, Disetujui, Ditolak, Ditarik. */
export function MoveStatusBadge({ status }: { status: MoveStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={MOVE_STATUS_COLOR[status]} data-testid="move-status">
      {t(`moves.status.${status}`)}
    </Badge>
  );
}
