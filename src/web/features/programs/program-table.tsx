import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { ProgramSummary } from '../../../core/modules/programs/program.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { fillPercent, formatFill, formatPeriod } from './program-format.ts';
import { ProgramStatusBadge } from './program-status-badge.tsx';

interface ProgramTableProps {
  items: ProgramSummary[];
  dimmed: boolean;
  labelledBy: string;
}

/** Programs: name (a link), owner region, funder, period, status, seats, filled, share. */
export function ProgramTable({ items, dimmed, labelledBy }: ProgramTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={300} type="native">
      <Table
        striped
        highlightOnHover
        verticalSpacing="sm"
        aria-labelledby={labelledBy}
        style={{ opacity: dimmed ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('programs.column.name')}</Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              {t('programs.column.owner')}
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              {t('programs.column.funder')}
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              {t('programs.column.period')}
            </Table.Th>
            <Table.Th scope="col" visibleFrom="md">
              {t('programs.column.status')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('programs.column.seats')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('programs.column.filled')}
            </Table.Th>
            <Table.Th scope="col" w={110} visibleFrom="sm">
              {t('programs.column.share')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} data-testid="program-row">
              <Table.Td>
                <Anchor component={Link} to={`/program/${encodeURIComponent(p.id)}`} fw={500}>
                  {p.name}
                </Anchor>
                {p.budgetReference && (
                  <Text size="xs" c="dimmed">
                    {p.budgetReference}
                  </Text>
                )}
                <Stack gap={4} mt={4} hiddenFrom="md" align="flex-start">
                  <Text size="xs" c="dimmed">
                    {p.ownerRegionName} · {formatPeriod(p.firstMonth, p.lastMonth)}
                  </Text>
                  <ProgramStatusBadge status={p.status} />
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom="md">
                <Text size="sm">{p.ownerRegionName}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {p.ownerRegion}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="md">
                <Text size="sm">{t(`planner.funder.${p.funderType}`)}</Text>
              </Table.Td>
              <Table.Td visibleFrom="md">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatPeriod(p.firstMonth, p.lastMonth)}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="md" style={{ minWidth: 96 }}>
                <ProgramStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td ta="right">{formatNumber(p.seats)}</Table.Td>
              <Table.Td ta="right">
                {formatNumber(p.filled)}
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {formatFill(p.filled, p.seats)}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Stack gap={2}>
                  <Group justify="flex-end">
                    <Text size="xs">{formatFill(p.filled, p.seats)}</Text>
                  </Group>
                  <Progress
                    value={fillPercent(p.filled, p.seats)}
                    size="sm"
                    aria-label={t('programs.column.share')}
                  />
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
