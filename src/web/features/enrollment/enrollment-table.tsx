import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import type { EnrollmentItem } from '../../../core/modules/enrollment/enrollment.schema.ts';
import { monthRange, mutasiActions } from './enrollment-format.ts';
import { EnrollmentStatusBadge } from './enrollment-status-badge.tsx';

interface EnrollmentTableProps {
  items: EnrollmentItem[];
  dimmed: boolean;
  labelledBy: string;
  /** False for a village operator: every row is their own village. */
  showVillage?: boolean;
  /** Which mutasi steps the user may take at all (permissions). */
  may?: { end: boolean; replace: boolean };
  onWithdraw: (item: EnrollmentItem) => void;
  onEnd?: (item: EnrollmentItem) => void;
  onReplace?: (item: EnrollmentItem) => void;
}

/** Enrolled workers with their village, months, status and the reason when sent back. */
export function EnrollmentTable({
  items,
  dimmed,
  labelledBy,
  showVillage = true,
  may = { end: false, replace: false },
  onWithdraw,
  onEnd,
  onReplace,
}: EnrollmentTableProps) {
  const { t } = useTranslation();
  const actionsOf = (i: EnrollmentItem) => ({
    withdraw: i.canWithdraw,
    ...mutasiActions(i.status, may, i.replacedBy),
  });
  const hasAction = (i: EnrollmentItem) => Object.values(actionsOf(i)).some(Boolean);
  const withActions = items.some(hasAction);
  const rowActions = (i: EnrollmentItem) => (
    <RowActions
      item={i}
      actions={actionsOf(i)}
      onWithdraw={onWithdraw}
      onEnd={onEnd}
      onReplace={onReplace}
    />
  );
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
            {showVillage && (
              <Table.Th scope="col" visibleFrom="sm">
                {t('enrollment.column.village')}
              </Table.Th>
            )}
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
                  {showVillage
                    ? `${i.villageName} · ${monthRange(i.firstMonth, i.lastMonth)}`
                    : monthRange(i.firstMonth, i.lastMonth)}
                </Text>
              </Table.Th>
              {showVillage && (
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{i.villageName}</Text>
                  <Text size="xs" c="dimmed">
                    {t('enrollment.district', { name: i.districtName })}
                  </Text>
                </Table.Td>
              )}
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
                  {i.replacedBy && (
                    <Text size="xs" c="dimmed" data-testid="enrollment-replaced-by">
                      {t('enrollment.replacedBy', { name: i.replacedBy })}
                    </Text>
                  )}
                  {i.nikWarnings > 0 && (
                    <Text size="xs" c="yellow.9">
                      {t('enrollment.nikWarnings', { count: i.nikWarnings })}
                    </Text>
                  )}
                  {hasAction(i) && <Group hiddenFrom="sm">{rowActions(i)}</Group>}
                </Stack>
              </Table.Td>
              {withActions && (
                <Table.Td visibleFrom="sm">
                  <Group gap="xs">{rowActions(i)}</Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface RowActionsProps {
  item: EnrollmentItem;
  actions: { withdraw: boolean; end: boolean; replace: boolean };
  onWithdraw: (item: EnrollmentItem) => void;
  onEnd?: ((item: EnrollmentItem) => void) | undefined;
  onReplace?: ((item: EnrollmentItem) => void) | undefined;
}

/** Tarik (village, before approval), Akhiri (regency office), Usulkan pengganti (ended seat). */
function RowActions({ item, actions, onWithdraw, onEnd, onReplace }: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      {actions.withdraw && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          onClick={() => onWithdraw(item)}
        >
          {t('enrollment.withdraw')}
        </Button>
      )}
      {actions.end && onEnd && (
        <Button
          size="xs"
          variant="default"
          color="dark"
          leftSection={<IconUserOff size={14} aria-hidden />}
          onClick={() => onEnd(item)}
          data-testid="enrollment-end"
        >
          {t('continuity.mutasi.end')}
        </Button>
      )}
      {actions.replace && onReplace && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconUserPlus size={14} aria-hidden />}
          onClick={() => onReplace(item)}
          data-testid="enrollment-replace"
        >
          {t('continuity.mutasi.replace')}
        </Button>
      )}
    </>
  );
}
