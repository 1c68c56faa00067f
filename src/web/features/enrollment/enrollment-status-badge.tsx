import { useTranslation } from 'react-i18next';
import { Badge } from '@mantine/core';
import type { EnrollmentStatus } from '../../../core/rules/enrollment-status.ts';
import { ENROLLMENT_STATUS_COLOR } from './enrollment-format.ts';

/** "diusulkan desa", "diverifikasi kecamatan", "disetujui kabupaten"… */
export function EnrollmentStatusBadge({ status }: { status: EnrollmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={ENROLLMENT_STATUS_COLOR[status]}
      tt="none"
      // the whole label, also in a narrow column on a phone
      styles={{ root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }}
      data-testid="enrollment-status"
    >
      {t(`enrollment.status.${status}`)}
    </Badge>
  );
}
