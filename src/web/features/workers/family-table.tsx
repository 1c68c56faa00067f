import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { todayInJakarta } from '../../lib/format.ts';

/** Whole years from a birth date to today in Jakarta. */
export function ageOf(birthDate: string, today = todayInJakarta()): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function RowActions(props: { name: string; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <ActionIcon
        variant="subtle"
        onClick={props.onEdit}
        aria-label={t('family.edit', { name: props.name })}
        title={t('family.edit', { name: props.name })}
      >
        <IconPencil size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={props.onRemove}
        aria-label={t('family.remove', { name: props.name })}
        title={t('family.remove', { name: props.name })}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

/** One table of the family section, with its title and add button. */
export function FamilyTable(props: {
  id: string;
  title: string;
  addLabel: string;
  empty: string;
  columns: string[];
  rows: ReactNode[];
  onAdd: (() => void) | undefined;
}) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5" id={props.id}>
          {props.title}
        </Title>
        {props.onAdd && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={props.onAdd}
          >
            {props.addLabel}
          </Button>
        )}
      </Group>
      {props.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="xs" aria-labelledby={props.id} data-testid={props.id}>
            <Table.Thead>
              <Table.Tr>
                {props.columns.map((c) => (
                  <Table.Th key={c} scope="col">
                    {c}
                  </Table.Th>
                ))}
                {props.onAdd && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{props.rows}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
