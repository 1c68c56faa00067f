import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChevronRight } from '@tabler/icons-react';
import type { EnrollmentOverview } from '../../../core/modules/enrollment/enrollment.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { useEnrollmentOverview } from './enrollment-api.ts';
import { monthRange } from './enrollment-format.ts';

type Item = EnrollmentOverview['items'][number];

/** What waits for this user in a program: proposals to verify, or to approve. */
function waiting(item: Item, verifies: boolean, approves: boolean): number {
  const c = item.counts;
  if (verifies && item.program.districtStep) return c.proposed ?? 0;
  if (approves) return item.program.districtStep ? (c.verified ?? 0) : (c.proposed ?? 0);
  return 0;
}

/** /usulan — the running programs of the user's area, each a way into its participants. */
export function EnrollmentOverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('enrollment.overview.title')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const verifies = hasPermission(me, 'enrollments.verify');
  const approves = hasPermission(me, 'enrollments.approve');
  const overview = useEnrollmentOverview();
  const intro = verifies
    ? 'introDistrict'
    : approves
      ? 'introRegency'
      : hasPermission(me, 'enrollments.propose')
        ? 'introVillage'
        : 'introReader';

  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title={t('enrollment.overview.title')}
        description={t(`enrollment.overview.${intro}`)}
      />
      {overview.isPending ? (
        <TableSkeleton rows={4} />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : overview.data.items.length === 0 ? (
        <Text c="dimmed">{t('enrollment.overview.empty')}</Text>
      ) : (
        overview.data.items.map((item) => {
          const wait = waiting(item, verifies, approves);
          return (
            <Card
              key={item.program.id}
              component={Link}
              to={`/program/${item.program.id}/peserta`}
              withBorder
              radius="md"
              padding="lg"
              style={{ textDecoration: 'none' }}
              data-testid="overview-program"
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
                  <Group gap="xs">
                    <Text fw={600}>{item.program.name}</Text>
                    {wait > 0 && (
                      <Badge color="orange" variant="filled" tt="none">
                        {t(
                          verifies
                            ? 'enrollment.overview.toVerify'
                            : 'enrollment.overview.toApprove',
                          {
                            count: wait,
                          },
                        )}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {monthRange(item.program.firstMonth, item.program.lastMonth)}
                  </Text>
                  <Text size="sm">
                    {t('enrollment.overview.seats', {
                      filled: formatNumber(item.filled),
                      seats: formatNumber(item.seats),
                    })}
                  </Text>
                  <Progress
                    value={item.seats > 0 ? Math.min(100, (item.filled / item.seats) * 100) : 0}
                    color="teal"
                    size="sm"
                    maw={360}
                    aria-hidden
                  />
                </Stack>
                <IconChevronRight size={20} aria-hidden color="var(--mantine-color-gray-6)" />
              </Group>
            </Card>
          );
        })
      )}
    </Stack>
  );
}
