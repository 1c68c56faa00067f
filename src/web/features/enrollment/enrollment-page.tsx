import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { isApiError } from '../../lib/api.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { Back } from '../workers/worker-load-state.tsx';
import { useEnrollmentList } from './enrollment-api.ts';
import { monthRange, ownVillage } from './enrollment-format.ts';
import { EnrollmentListSection } from './enrollment-list-section.tsx';
import { EnrollmentQueue } from './enrollment-queue.tsx';
import { ProposePanel } from './propose-panel.tsx';
import { SeatsSummary } from './seats-summary.tsx';

/**
 * /program/:id/peserta — who holds the program's seats in the user's area. A village operator
 * sees the village's seats and proposes; a district officer verifies the villages' proposals; the
 * regency office approves; everyone sees the list with statuses.
 */
export function EnrollmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const summary = useEnrollmentList(id, { page: 1, pageSize: 1 });
  const program = summary.data?.program;
  useDocumentTitle(
    `${t('enrollment.title')}${program ? ` · ${program.name}` : ''} · ${t('app.name')}`,
  );
  const back = <Back to={`/program/${id}`} label={t('enrollment.backToProgram')} />;
  if (summary.isPending) return <TableSkeleton rows={8} />;
  if (summary.isError || !program)
    return (
      <Stack maw={1200}>
        <Back to="/usulan" label={t('enrollment.overview.back')} />
        <ErrorState
          error={summary.error}
          title={isApiError(summary.error, 404) ? t('enrollment.notFound') : undefined}
          onRetry={isApiError(summary.error, 404) ? undefined : () => void summary.refetch()}
        />
      </Stack>
    );
  const { seats, filled, counts } = summary.data;
  const village = ownVillage(me.scope);
  const proposes = Boolean(village) && hasPermission(me, 'enrollments.propose');
  const open = program.status === 'active';

  return (
    <Stack gap="lg" maw={1200}>
      {back}
      <PageHeader
        title={program.name}
        description={t('enrollment.subtitle', {
          months: monthRange(program.firstMonth, program.lastMonth),
        })}
        actions={
          program.status !== 'active' && (
            <Badge color="gray" variant="light" tt="none">
              {t(`enrollment.programStatus.${program.status}`)}
            </Badge>
          )
        }
      />
      <SeatsSummary seats={seats} filled={filled} scope={village ? 'village' : 'area'} />
      {proposes && open && <ProposePanel programId={id} remaining={Math.max(0, seats - filled)} />}
      {hasPermission(me, 'enrollments.verify') && program.districtStep && (
        <EnrollmentQueue programId={id} step="verify" status="proposed" />
      )}
      {hasPermission(me, 'enrollments.approve') && (
        <EnrollmentQueue
          programId={id}
          step="approve"
          status={program.districtStep ? 'verified' : 'proposed'}
        />
      )}
      <Stack gap="sm" component="section">
        <Title order={2} size="h4">
          {t(village ? 'enrollment.list.villageTitle' : 'enrollment.list.areaTitle')}
        </Title>
        <EnrollmentListSection programId={id} counts={counts} showVillage={!village} />
      </Stack>
    </Stack>
  );
}
