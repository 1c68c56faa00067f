import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconX } from '@tabler/icons-react';
import type { MoveRequest } from '../../../core/modules/workers/move-requests.schema.ts';
import { formatShortDate, todayInJakarta } from '../../lib/format.ts';
import { MoveStatusBadge } from './move-status-badge.tsx';
import type { MoveStep } from './moves-api.ts';

interface MoveTableProps {
  items: MoveRequest[];
  dimmed: boolean;
  labelledBy: string;
  onStep: (request: MoveRequest, step: MoveStep) => void;
}

/** The day of a timestamp in Asia/Jakarta, as "05 Mar 2026". */
const dayOf = (at: string) => formatShortDate(todayInJakarta(new Date(at)));

/** "Pedukun" with its district below, or "Desa lain" when the viewer may not know it. */
function Place({
  label,
  name,
  district,
}: {
  label: string;
  name: string | null;
  district: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Text size="sm" component="div">
      <Text span size="xs" c="dimmed">
        {label}{' '}
      </Text>
      {name === null ? (
        <Text span size="sm" c="dimmed">
          {t('moves.otherVillage')}
        </Text>
      ) : (
        <>
          <Text span size="sm" fw={500}>
            {name}
          </Text>
          {district && (
            <Text span size="xs" c="dimmed">
              {' · '}
              {t('moves.district', { name: district })}
            </Text>
          )}
        </>
      )}
    </Text>
  );
}

/** Requests with their status, the decision and its note, and the buttons this user may use. */
export function MoveTable({ items, dimmed, labelledBy, onStep }: MoveTableProps) {
  const { t } = useTranslation();
  const withActions = items.some((r) => r.canDecide || r.canWithdraw);
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table
        verticalSpacing="sm"
        aria-labelledby={labelledBy}
        style={{ opacity: dimmed ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('moves.column.worker')}</Table.Th>
            <Table.Th scope="col">{t('moves.column.move')}</Table.Th>
            <Table.Th scope="col">{t('moves.column.reason')}</Table.Th>
            <Table.Th scope="col">{t('moves.column.requested')}</Table.Th>
            <Table.Th scope="col">{t('moves.column.status')}</Table.Th>
            {withActions && <Table.Th scope="col">{t('moves.column.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} data-testid="move-row" data-status={r.status}>
              <Table.Th scope="row" fw={400}>
                <Stack gap={0}>
                  {r.workerName === null ? (
                    <Text size="sm" c="dimmed" fs="italic">
                      {t('moves.hiddenName')}
                    </Text>
                  ) : r.workerId ? (
                    <Anchor component={Link} to={`/pekerja/${r.workerId}`} fw={500} size="sm">
                      {r.workerName}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={500}>
                      {r.workerName}
                    </Text>
                  )}
                  <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('moves.nik', { nik: r.nikMasked })}
                  </Text>
                </Stack>
              </Table.Th>
              <Table.Td>
                <Stack gap={2}>
                  <Place
                    label={t('moves.from')}
                    name={r.fromVillageName}
                    district={r.fromDistrictName}
                  />
                  <Place label={t('moves.to')} name={r.toVillageName} district={r.toDistrictName} />
                </Stack>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {r.reason ?? t('moves.none')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{dayOf(r.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {r.requestedBy}
                </Text>
              </Table.Td>
              <Table.Td maw={260} miw={130}>
                <Stack gap={4} align="flex-start">
                  <MoveStatusBadge status={r.status} />
                  {r.decidedBy && r.decidedAt && r.status !== 'pending' && (
                    <Text size="xs" c="dimmed">
                      {t('moves.decidedBy', {
                        by: r.decidedBy,
                        date: dayOf(r.decidedAt),
                      })}
                    </Text>
                  )}
                  {r.decisionNote && (
                    <Text size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="move-note">
                      {t(r.status === 'rejected' ? 'moves.rejectReason' : 'moves.note', {
                        note: r.decisionNote,
                      })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              {withActions && (
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {r.canDecide && (
                      <>
                        <Button
                          size="xs"
                          color="teal"
                          leftSection={<IconCheck size={14} aria-hidden />}
                          onClick={() => onStep(r, 'approve')}
                        >
                          {t('moves.approve')}
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          leftSection={<IconX size={14} aria-hidden />}
                          onClick={() => onStep(r, 'reject')}
                        >
                          {t('moves.reject')}
                        </Button>
                      </>
                    )}
                    {r.canWithdraw && (
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconArrowBackUp size={14} aria-hidden />}
                        onClick={() => onStep(r, 'withdraw')}
                      >
                        {t('moves.withdraw')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
