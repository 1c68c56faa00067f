import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { WorkerListItem } from '../../../core/modules/workers/workers.schema.ts';
import { formatShortDate } from '../../lib/format.ts';
import { LifeStatusBadge, WarningCountBadge } from './worker-badges.tsx';
import { occupationLabel } from './worker-labels.ts';

/** Columns that sort on click; "created" has no column (the list item carries no date) and is in the sort menu. */
export type SortKey = 'name' | 'birthDate';

interface WorkerTableProps {
  items: WorkerListItem[];
  dimmed: boolean;
  labelledBy: string;
  /** e.g. "name" or "-birthDate". */
  sort: string;
  onSort: (sort: string) => void;
}

function SortHeader(props: {
  column: SortKey;
  sort: string;
  onSort: (sort: string) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const active = props.sort.replace(/^-/, '') === props.column;
  const descending = active && props.sort.startsWith('-');
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton
        onClick={() => props.onSort(active && !descending ? `-${props.column}` : props.column)}
        title={t('workers.sortBy')}
        fw={700}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {props.children}
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function WorkerTable({ items, dimmed, labelledBy, sort, onSort }: WorkerTableProps) {
  const { t } = useTranslation();
  const sortable = { sort, onSort };
  return (
    <Table.ScrollContainer minWidth={1100} type="native">
      <Table
        highlightOnHover
        verticalSpacing="xs"
        aria-labelledby={labelledBy}
        style={{ opacity: dimmed ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('workers.column.nik')}</Table.Th>
            <SortHeader column="name" {...sortable}>
              {t('workers.column.name')}
            </SortHeader>
            <Table.Th scope="col">
              <abbr title={t('workers.column.sexLong')} style={{ textDecoration: 'none' }}>
                {t('workers.column.sex')}
              </abbr>
            </Table.Th>
            <SortHeader column="birthDate" {...sortable}>
              {t('workers.column.birthDate')}
            </SortHeader>
            <Table.Th scope="col">{t('workers.column.village')}</Table.Th>
            <Table.Th scope="col">{t('workers.column.occupation')}</Table.Th>
            <Table.Th scope="col">{t('workers.column.segment')}</Table.Th>
            <Table.Th scope="col">{t('workers.column.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((w) => (
            <Table.Tr key={w.id} data-testid="worker-row">
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {w.nikMasked}
                </Text>
              </Table.Td>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/pekerja/${w.id}`} fw={500} size="sm">
                  {w.fullName}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Text size="sm" title={t(`workers.sex.${w.sex}`)}>
                  {w.sex}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatShortDate(w.birthDate)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{w.villageName}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{occupationLabel(w.occupationCode, w.occupationName)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`workers.segment.${w.segment}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <LifeStatusBadge status={w.lifeStatus} />
                  <WarningCountBadge count={w.warningCount} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
