import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { formatTimestamp } from '../../lib/format.ts';
import { actionLabel, entityLabel } from './audit-actions.ts';
import { AuditDetail } from './audit-detail.tsx';
import type { AuditEntry } from './audit-types.ts';

interface AuditTableProps {
  items: AuditEntry[];
  dimmed: boolean;
  labelledBy: string;
}

const COLUMNS = 6;

/** One row per record; a row opens to show its before/after. */
export function AuditTable({ items, dimmed, labelledBy }: AuditTableProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table
        verticalSpacing="xs"
        aria-labelledby={labelledBy}
        style={{ opacity: dimmed ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th scope="col">{t('audit.column.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.column.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.column.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.column.entity')}</Table.Th>
            <Table.Th scope="col">{t('audit.column.region')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => {
            const expanded = open.has(e.id);
            const label = actionLabel(t, e.action);
            const detailId = `audit-detail-${e.id}`;
            return (
              <Fragment key={e.id}>
                <Table.Tr
                  data-testid="audit-row"
                  onClick={() => toggle(e.id)}
                  style={{ cursor: 'pointer' }}
                  bg={expanded ? 'var(--mantine-color-gray-0)' : undefined}
                >
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailId : undefined}
                      aria-label={t(expanded ? 'audit.hideDetail' : 'audit.showDetail')}
                      onClick={(ev) => {
                        ev.stopPropagation();
                        toggle(e.id);
                      }}
                    >
                      {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatTimestamp(e.at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.actorName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{label ?? e.action}</Text>
                    {label && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {e.action}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" title={e.entity}>
                      {entityLabel(t, e.entity) ?? e.entity}
                    </Text>
                    {e.entityId && (
                      <Text
                        size="xs"
                        c="dimmed"
                        ff="monospace"
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {e.entityId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {e.regionCode ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailId} bg="var(--mantine-color-gray-0)">
                    <Table.Td />
                    <Table.Td colSpan={COLUMNS - 1}>
                      <AuditDetail entry={e} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
