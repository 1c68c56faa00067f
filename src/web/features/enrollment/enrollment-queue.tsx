import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import type { EnrollmentItem } from '../../../core/modules/enrollment/enrollment.schema.ts';
import type { EnrollmentStatus } from '../../../core/rules/enrollment-status.ts';
import { formatNumber } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useEnrollmentList } from './enrollment-api.ts';
import { queueSize } from './enrollment-format.ts';
import { StepModal, type PendingStep } from './step-modal.tsx';

interface QueueProps {
  programId: string;
  /** verify: the district's queue of village proposals; approve: the regency's. */
  step: 'verify' | 'approve';
  status: EnrollmentStatus;
}

/**
 * The most rows a queue loads (the API's page limit): at regency level thousands may wait, the
 * rest come once these are done, and the queue says so.
 */
const QUEUE_PAGE = 500;

/** Rows grouped by village, in the order of the list (village code, then name). */
function byVillage(items: EnrollmentItem[]) {
  const groups = new Map<string, EnrollmentItem[]>();
  for (const i of items) groups.set(i.villageCode, [...(groups.get(i.villageCode) ?? []), i]);
  return [...groups.values()];
}

/**
 * A queue of enrollments waiting for this level: grouped by village, pick many (or a whole
 * village), then verify/approve them or send them back with a reason.
 */
export function EnrollmentQueue({ programId, step, status }: QueueProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const list = useEnrollmentList(programId, { status, page: 1, pageSize: QUEUE_PAGE });
  const [chosen, setChosen] = useState<string[]>([]);
  const [pending, setPending] = useState<PendingStep | null>(null);
  const actionable = (list.data?.items ?? []).filter((i) =>
    step === 'verify' ? i.canVerify : i.canApprove,
  );
  const picked = chosen.filter((id) => actionable.some((i) => i.id === id));
  const { waiting, more } = queueSize(list.data, actionable.length);
  const set = (ids: string[], on: boolean) =>
    setChosen((prev) =>
      on ? [...new Set([...prev, ...ids])] : prev.filter((x) => !ids.includes(x)),
    );
  const label =
    picked.length === 1
      ? (actionable.find((i) => i.id === picked[0])?.fullName ?? '')
      : t('enrollment.queue.people', { count: picked.length });

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid={`queue-${step}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 16rem' }}>
            <Title order={2} size="h4" id={headingId}>
              {t(`enrollment.queue.${step}.title`)}
            </Title>
            {actionable.length > 0 && (
              <Text size="sm" c="dimmed">
                {t(`enrollment.queue.${step}.intro`, {
                  count: waiting,
                  total: formatNumber(waiting),
                })}
              </Text>
            )}
            {more && (
              <Text size="sm" c="orange.8" data-testid={`queue-${step}-more`}>
                {t('enrollment.queue.more', {
                  shown: formatNumber(list.data?.items.length ?? 0),
                  total: formatNumber(waiting),
                })}
              </Text>
            )}
          </Stack>
          <Group gap="xs" display={actionable.length > 0 ? undefined : 'none'}>
            <Button
              size="xs"
              variant="light"
              color="orange"
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              disabled={picked.length === 0}
              onClick={() => setPending({ step: 'return', ids: picked, label })}
            >
              {t('enrollment.queue.return', { count: picked.length })}
            </Button>
            <Button
              size="xs"
              color={step === 'verify' ? 'indigo' : 'teal'}
              leftSection={<IconCheck size={14} aria-hidden />}
              disabled={picked.length === 0}
              onClick={() => setPending({ step, ids: picked, label })}
              data-testid={`queue-${step}-button`}
            >
              {t(`enrollment.queue.${step}.button`, { count: picked.length })}
            </Button>
          </Group>
        </Group>
        {list.isPending ? (
          <TableSkeleton rows={4} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : actionable.length === 0 ? (
          <Text size="sm" c="dimmed" py="xs">
            {t(`enrollment.queue.${step}.empty`)}
          </Text>
        ) : (
          <>
            {/* at regency level the queue spans dozens of villages: one tick for all of them */}
            <Checkbox
              label={t('enrollment.queue.chooseAll', {
                total: formatNumber(actionable.length),
              })}
              checked={picked.length === actionable.length}
              indeterminate={picked.length > 0 && picked.length < actionable.length}
              onChange={(e) =>
                set(
                  actionable.map((i) => i.id),
                  e.currentTarget.checked,
                )
              }
              data-testid={`queue-${step}-all`}
            />
            <Table.ScrollContainer minWidth={300} type="native">
              <Table verticalSpacing={6} aria-labelledby={headingId}>
                {byVillage(actionable).map((rows) => {
                  const ids = rows.map((r) => r.id);
                  const all = ids.every((id) => picked.includes(id));
                  const some = !all && ids.some((id) => picked.includes(id));
                  return (
                    <Table.Tbody key={rows[0]!.villageCode} data-testid="queue-village">
                      <Table.Tr bg="var(--mantine-color-gray-0)">
                        <Table.Td w={40}>
                          <Checkbox
                            checked={all}
                            indeterminate={some}
                            onChange={(e) => set(ids, e.currentTarget.checked)}
                            aria-label={t('enrollment.queue.chooseVillage', {
                              village: rows[0]!.villageName,
                            })}
                          />
                        </Table.Td>
                        <Table.Td colSpan={2}>
                          <Text size="sm" fw={600}>
                            {t('enrollment.queue.village', {
                              village: rows[0]!.villageName,
                              district: rows[0]!.districtName,
                              count: rows.length,
                            })}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                      {rows.map((r) => (
                        <Table.Tr key={r.id} data-testid="queue-row">
                          <Table.Td>
                            <Checkbox
                              checked={picked.includes(r.id)}
                              onChange={(e) => set([r.id], e.currentTarget.checked)}
                              aria-label={t('enrollment.candidates.chooseName', {
                                name: r.fullName,
                              })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {r.fullName}
                            </Text>
                            <Text size="xs" ff="monospace" c="dimmed">
                              {r.nikMasked}
                            </Text>
                          </Table.Td>
                          <Table.Td visibleFrom="sm">
                            <Text size="xs" c="dimmed">
                              {t('enrollment.queue.proposedBy', { by: r.proposedBy })}
                            </Text>
                            {r.nikWarnings > 0 && (
                              <Text size="xs" c="yellow.9">
                                {t('enrollment.nikWarnings', { count: r.nikWarnings })}
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  );
                })}
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
      <StepModal
        pending={pending}
        onClose={() => setPending(null)}
        onDone={(res) =>
          set(
            res.results.filter((r) => r.result === 'done').map((r) => r.id),
            false,
          )
        }
      />
    </Paper>
  );
}
