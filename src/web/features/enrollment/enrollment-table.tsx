import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { EnrollmentItem } from '../../../core/modules/enrollment/enrollment.schema.ts';
import { monthRange } from './enrollment-format.ts';
import { EnrollmentStatusBadge } from './enrollment-status-badge.tsx';

interface EnrollmentTableProps {
  items: EnrollmentItem[];
  dimmed: boolean;
  labelledBy: string;
  onWithdraw: (item: EnrollmentItem) => void;
}

/** Enrolled workers with their village, months, status and the reason when sent back. */
export function EnrollmentTable({ items, dimmed, labelledBy, onWithdraw }: EnrollmentTableProps) {
  const { t } = useTranslation();
  const withActions = items.some((i) => i.canWithdraw);
  return (
    <Table.ScrollContainer minWidth={300} type="native">
      <Table
        verticalSpacing="sm"
        aria-labelledby={labelledBy}
        style={{ opacity: dimmed ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('enrollment.column.worker')}</Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              {t('enrollment.column.village')}
            </Table.Th>
            <Table.Th scope="col" visibleFrom="sm">
              {t('enrollment.column.months')}
            </Table.Th>
            <Table.Th scope="col">{t('enrollment.column.status')}</Table.Th>
            {withActions && (
              <Table.Th scope="col" visibleFrom="sm">
                {t('enrollment.column.actions')}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-testid="enrollment-row" data-status={i.status}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/pekerja/${i.workerId}`} size="sm" fw={500}>
                  {i.fullName}
                </Anchor>
                <Text size="xs" ff="monospace" c="dimmed">
                  {i.nikMasked}
                </Text>
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {i.villageName} · {monthRange(i.firstMonth, i.lastMonth)}
                </Text>
              </Table.Th>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{i.villageName}</Text>
                <Text size="xs" c="dimmed">
                  {t('enrollment.district', { name: i.districtName })}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} visibleFrom="sm">
                <Text size="sm">{monthRange(i.firstMonth, i.lastMonth)}</Text>
              </Table.Td>
              <Table.Td maw={300}>
                <Stack gap={4} align="flex-start">
                  <EnrollmentStatusBadge status={i.status} />
                  {i.reason && (
                    <Text
                      size="xs"
                      style={{ overflowWrap: 'anywhere' }}
                      data-testid="enrollment-reason"
                    >
                      {t('enrollment.reason', { reason: i.reason })}
                    </Text>
                  )}
                  {i.nikWarnings > 0 && (
                    <Text size="xs" c="yellow.9">
                      {t('enrollment.nikWarnings', { count: i.nikWarnings })}
                    </Text>
                  )}
                  {i.canWithdraw && (
                    <WithdrawButton onClick={() => onWithdraw(i)} hiddenFrom="sm" />
                  )}
                </Stack>
              </Table.Td>
              {withActions && (
                <Table.Td visibleFrom="sm">
                  {i.canWithdraw && <WithdrawButton onClick={() => onWithdraw(i)} />}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WithdrawButton({ onClick, hiddenFrom }: { onClick: () => void; hiddenFrom?: 'sm' }) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="default"
      leftSection={<IconArrowBackUp size={14} aria-hidden />}
      onClick={onClick}
      {...(hiddenFrom ? { hiddenFrom } : {})}
    >
      {t('enrollment.withdraw')}
    </Button>
  );
}
