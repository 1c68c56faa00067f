import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { BudgetPlanResponse } from '../../../core/modules/programs/programs.schema.ts';
import { formatNumber, formatRupiah } from '../../lib/format.ts';
import { formatMonthRange } from './planner-format.ts';

type Key =
  | 'monthlyContribution'
  | 'costPerSeat'
  | 'seatsPerVillage'
  | 'totalSeats'
  | 'budgetPerVillage'
  | 'used'
  | 'remainder'
  | 'budgetNeeded';

const MONEY = new Set<Key>([
  'monthlyContribution',
  'costPerSeat',
  'budgetPerVillage',
  'used',
  'remainder',
  'budgetNeeded',
]);
const ORDER: Key[] = [
  'seatsPerVillage',
  'totalSeats',
  'used',
  'remainder',
  'budgetNeeded',
  'budgetPerVillage',
  'monthlyContribution',
  'costPerSeat',
];

function Stat({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: ReactNode;
  testId: string;
  strong: boolean;
}) {
  return (
    <Paper withBorder radius="md" p="sm" bg={strong ? 'teal.0' : undefined}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} size={strong ? 'xl' : 'lg'} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** The answer: seats, money used and left, the budget needed, and the rates behind them. */
export function PlannerResults({ plan }: { plan: BudgetPlanResponse }) {
  const { t } = useTranslation();
  const reverse = plan.mode === 'seatsPerVillage';
  const strong = new Set<Key>(
    reverse ? ['budgetNeeded', 'totalSeats'] : ['totalSeats', 'remainder'],
  );
  const label = (k: Key) =>
    k === 'costPerSeat'
      ? t('planner.result.costPerSeat', { count: plan.months })
      : k === 'budgetPerVillage'
        ? t(`planner.result.budgetPerVillage.${plan.mode}`)
        : t(`planner.result.${k}`);
  const villages = plan.region
    ? t('planner.result.villagesOfRegion', {
        count: plan.villages,
        kinds: plan.region.villageKinds
          .map((k) => t(`planner.kind.${k}`).toLowerCase())
          .join(' + '),
        name: plan.region.name,
      })
    : t('planner.result.villages', { count: plan.villages });
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="light" color="gray" size="lg" radius="sm" tt="none">
          {formatMonthRange(plan.firstMonth, plan.lastMonth)}
        </Badge>
        <Badge
          variant="light"
          color="gray"
          size="lg"
          radius="sm"
          tt="none"
          data-testid="plan-villages"
        >
          {villages}
        </Badge>
        <Badge variant="light" color="gray" size="lg" radius="sm" tt="none">
          {plan.package.join(' + ')}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" component="dl" m={0}>
        {ORDER.map((k) => (
          <Stat
            key={k}
            label={label(k)}
            value={MONEY.has(k) ? formatRupiah(plan[k]) : formatNumber(plan[k])}
            testId={`plan-${k}`}
            strong={strong.has(k)}
          />
        ))}
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={600} id="planner-periods">
          {t('planner.result.periods')}
        </Text>
        <Table aria-labelledby="planner-periods" withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('planner.result.col.period')}</Table.Th>
              <Table.Th ta="right">{t('planner.result.col.contribution')}</Table.Th>
              <Table.Th ta="right">{t('planner.result.col.cost')}</Table.Th>
              <Table.Th>{t('planner.result.col.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.periods.map((p) => (
              <Table.Tr key={p.firstMonth}>
                <Table.Td>
                  {formatMonthRange(p.firstMonth, p.lastMonth)}{' '}
                  <Text span c="dimmed" size="xs">
                    ({t('planner.result.months', { count: p.months })})
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatRupiah(p.monthlyContribution)}</Table.Td>
                <Table.Td ta="right">{formatRupiah(p.costPerSeat)}</Table.Td>
                <Table.Td>{p.sources.join('; ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
