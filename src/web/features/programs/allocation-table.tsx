import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Badge, Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDeviceFloppy } from '@tabler/icons-react';
import type { Allocations } from '../../../core/modules/programs/allocation.schema.ts';
import { PLAN_LIMITS } from '../../../core/rules/budget-plan.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatFill } from './program-format.ts';
import { useSetAllocations } from './programs-api.ts';

interface AllocationTableProps {
  programId: string;
  data: Allocations;
  /** Seats of villages may be typed (a draft with the explicit rule, run by the user). */
  editable: boolean;
  dimmed: boolean;
}

/** The children of a region with their seats; villages' seats are inputs while editable. */
export function AllocationTable({ programId, data, editable, dimmed }: AllocationTableProps) {
  const { t } = useTranslation();
  const villages = data.children.length > 0 && data.children[0]!.level === 'village';
  const typing = editable && villages;
  const [typed, setTyped] = useState<Record<string, number | string>>({});
  const save = useSetAllocations(programId);
  const changed = Object.entries(typed).filter(
    ([code, v]) => v !== (data.children.find((c) => c.region === code)?.seats ?? 0),
  );

  const onSave = () => {
    const body = changed.map(([villageCode, v]) => ({
      villageCode,
      seats: typeof v === 'number' ? v : 0,
    }));
    save.mutate(body, {
      onSuccess: (totals) => {
        setTyped({});
        notifications.show({
          color: 'teal',
          message: t('programs.allocation.saved', {
            seats: formatNumber(totals.seats),
            villages: formatNumber(totals.villages),
          }),
        });
      },
    });
  };

  return (
    <>
      <Table.ScrollContainer minWidth={300} type="native">
        <Table
          striped
          highlightOnHover
          verticalSpacing="xs"
          aria-labelledby="program-seats"
          style={{ opacity: dimmed ? 0.6 : 1 }}
          data-testid="allocation-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={130} visibleFrom="sm">
                {t('regions.column.code')}
              </Table.Th>
              <Table.Th scope="col">
                {t(`programs.allocation.level.${villages ? 'village' : 'region'}`)}
              </Table.Th>
              <Table.Th scope="col" ta="right" w={typing ? 140 : undefined}>
                {t('programs.column.seats')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('programs.column.filled')}
              </Table.Th>
              <Table.Th scope="col" ta="right" visibleFrom="sm">
                {t('programs.column.share')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.children.map((c) => (
              <Table.Tr key={c.region} data-testid="allocation-row">
                <Table.Td visibleFrom="sm">
                  <Text size="sm" ff="monospace">
                    {c.region}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`?wilayah=${c.region}`} size="sm">
                      {c.name}
                    </Anchor>
                    {c.kind && c.kind !== 'desa' && (
                      <Badge size="xs" variant="light" color="gray">
                        {t(`planner.kind.${c.kind}`)}
                      </Badge>
                    )}
                    {c.retired && (
                      <Badge size="xs" variant="light" color="orange">
                        {t('regions.retired')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  {typing ? (
                    <NumberInput
                      size="xs"
                      aria-label={t('programs.allocation.seatsOf', { name: c.name })}
                      value={typed[c.region] ?? c.seats}
                      onChange={(v) => setTyped((prev) => ({ ...prev, [c.region]: v }))}
                      allowDecimal={false}
                      allowNegative={false}
                      min={0}
                      max={PLAN_LIMITS.maxSeatsPerVillage}
                      styles={{ input: { textAlign: 'right' } }}
                    />
                  ) : (
                    formatNumber(c.seats)
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {formatNumber(c.filled)}
                  <Text size="xs" c="dimmed" hiddenFrom="sm">
                    {formatFill(c.filled, c.seats)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {formatFill(c.filled, c.seats)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" visibleFrom="sm" />
              <Table.Th scope="row">{t('programs.allocation.sum')}</Table.Th>
              <Table.Th ta="right">{formatNumber(data.seats)}</Table.Th>
              <Table.Th ta="right">{formatNumber(data.filled)}</Table.Th>
              <Table.Th ta="right" visibleFrom="sm">
                {formatFill(data.filled, data.seats)}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {typing && (
        <Group justify="flex-end">
          <Button
            onClick={onSave}
            disabled={changed.length === 0}
            loading={save.isPending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          >
            {t('programs.allocation.save', { count: changed.length })}
          </Button>
        </Group>
      )}
      {save.error && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {save.error.message}
        </Alert>
      )}
      {editable && !villages && (
        <Text size="xs" c="dimmed">
          {t('programs.allocation.editHint')}
        </Text>
      )}
    </>
  );
}
