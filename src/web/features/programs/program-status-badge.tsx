import { useTranslation } from 'react-i18next';
import { Badge } from '@mantine/core';
import type { ProgramStatus } from '../../../core/modules/programs/program.schema.ts';

const COLOR: Record<ProgramStatus, string> = { draft: 'gray', active: 'teal', closed: 'dark' };

/** Draf, Aktif, Ditutup. */
export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOR[status]} data-testid="program-status">
      {t(`programs.status.${status}`)}
    </Badge>
  );
}
