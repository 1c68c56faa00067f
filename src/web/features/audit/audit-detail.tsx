import { useTranslation } from 'react-i18next';
import { Badge, Code, Group, Stack, Table, Text } from '@mantine/core';
import { diffRows } from './audit-diff.ts';
import type { AuditEntry } from './audit-types.ts';

const CHANGED_BG = 'var(--mantine-color-yellow-light)';

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === undefined) return null;
  if (value === null || value === '')
    return (
      <Text span size="sm" c="dimmed">
        {t('audit.detail.empty')}
      </Text>
    );
  if (typeof value === 'boolean') return <>{t(value ? 'audit.detail.yes' : 'audit.detail.no')}</>;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    const items = value.map((v) => (v === null ? '—' : JSON.stringify(v).replace(/^"|"$/g, '')));
    return <>{items.length ? items.join(', ') : t('audit.detail.emptyList')}</>;
  }
  if (typeof value === 'string' || typeof value === 'number') return <>{value}</>;
  return <Code>{JSON.stringify(value)}</Code>;
}

/** Before and after of one record, field by field; changed fields highlighted. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffRows(entry.before, entry.after);
  const changed = rows.filter((r) => r.changed).length;
  return (
    <Stack gap="xs" py="xs">
      <Group gap="md">
        <Text size="xs" c="dimmed">
          {t('audit.detail.requestId')}:{' '}
          <Text span ff="monospace" size="xs" c="var(--mantine-color-text)">
            {entry.requestId ?? '—'}
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {t('audit.detail.recordId')}:{' '}
          <Text span ff="monospace" size="xs" c="var(--mantine-color-text)">
            {entry.id}
          </Text>
        </Text>
        {rows.length > 0 && (
          <Badge size="sm" variant="light" color="yellow">
            {t('audit.detail.changedCount', { count: changed })}
          </Badge>
        )}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.detail.noData')}
        </Text>
      ) : (
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing={4}
          fz="sm"
          bg="var(--mantine-color-body)"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="25%">
                {t('audit.detail.field')}
              </Table.Th>
              <Table.Th scope="col">{t('audit.detail.before')}</Table.Th>
              <Table.Th scope="col">{t('audit.detail.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr
                key={r.key}
                style={r.changed ? { background: CHANGED_BG } : undefined}
                data-changed={r.changed || undefined}
              >
                <Table.Th scope="row" fw={r.changed ? 700 : 400} ff="monospace" fz="xs">
                  {r.key}
                </Table.Th>
                <Table.Td c={r.changed ? 'dimmed' : undefined}>
                  <Value value={r.before} />
                </Table.Td>
                <Table.Td fw={r.changed ? 600 : undefined}>
                  <Value value={r.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
