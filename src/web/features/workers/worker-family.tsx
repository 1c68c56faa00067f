import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import type { Child, Heir } from '../../../core/modules/workers/family.schema.ts';
import { formatShortDate } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useRemoveFamilyMember, useWorkerFamily } from './family-api.ts';
import { ChildModal, HeirModal } from './worker-family-forms.tsx';
import { ageOf, FamilyTable, RowActions } from './family-table.tsx';

type Kind = 'heirs' | 'children';
type Editing = { kind: Kind; member: Heir | Child | undefined } | null;

/**
 * "Ahli waris dan anak" on the worker page: who receives a death benefit and which children may
 * receive a scholarship (DOMAIN §7). Editors add, change and remove through modal forms.
 */
export function WorkerFamily({ workerId, canEdit }: { workerId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const family = useWorkerFamily(workerId);
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<{ kind: Kind; member: Heir | Child } | null>(null);
  const none = t('workers.none');
  const open = (kind: Kind, member?: Heir | Child) => () => setEditing({ kind, member });
  const actions = (kind: Kind, m: Heir | Child) =>
    canEdit && (
      <Table.Td>
        <RowActions
          name={m.name}
          onEdit={open(kind, m)}
          onRemove={() => setRemoving({ kind, member: m })}
        />
      </Table.Td>
    );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="worker-family">
      <Title order={2} size="h4" id="worker-family" mb={4}>
        {t('family.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('family.intro')}
      </Text>
      {family.isPending ? (
        <TableSkeleton rows={3} />
      ) : family.isError ? (
        <ErrorState error={family.error} onRetry={() => void family.refetch()} />
      ) : (
        <Stack gap="lg">
          <FamilyTable
            id="family-heirs"
            title={t('family.heirs')}
            addLabel={t('family.addHeir')}
            empty={t('family.noHeirs')}
            columns={[
              t('family.column.name'),
              t('family.column.relationship'),
              t('family.column.nik'),
              t('family.column.phone'),
            ]}
            onAdd={canEdit ? open('heirs') : undefined}
            rows={family.data.heirs.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{h.name}</Table.Td>
                <Table.Td>{t(`family.relationship.${h.relationship}`)}</Table.Td>
                <Table.Td ff="monospace">{h.nikMasked ?? none}</Table.Td>
                <Table.Td>{h.phone ?? none}</Table.Td>
                {actions('heirs', h)}
              </Table.Tr>
            ))}
          />
          <FamilyTable
            id="family-children"
            title={t('family.children')}
            addLabel={t('family.addChild')}
            empty={t('family.noChildren')}
            columns={[
              t('family.column.name'),
              t('family.column.birthDate'),
              t('family.column.schoolLevel'),
              t('family.column.nik'),
            ]}
            onAdd={canEdit ? open('children') : undefined}
            rows={family.data.children.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>
                  {formatShortDate(c.birthDate)}{' '}
                  <Text span size="sm" c="dimmed">
                    ({t('family.age', { count: ageOf(c.birthDate) })})
                  </Text>
                </Table.Td>
                <Table.Td>{t(`family.schoolLevel.${c.schoolLevel}`)}</Table.Td>
                <Table.Td ff="monospace">{c.nikMasked ?? none}</Table.Td>
                {actions('children', c)}
              </Table.Tr>
            ))}
          />
        </Stack>
      )}
      <HeirModal
        workerId={workerId}
        member={editing?.kind === 'heirs' ? (editing.member as Heir | undefined) : undefined}
        opened={editing?.kind === 'heirs'}
        onClose={() => setEditing(null)}
      />
      <ChildModal
        workerId={workerId}
        member={editing?.kind === 'children' ? (editing.member as Child | undefined) : undefined}
        opened={editing?.kind === 'children'}
        onClose={() => setEditing(null)}
      />
      <RemoveModal workerId={workerId} removing={removing} onClose={() => setRemoving(null)} />
    </Paper>
  );
}

/** Asks before removing an heir or a child. */
function RemoveModal(props: {
  workerId: string;
  removing: { kind: Kind; member: Heir | Child } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const heirs = useRemoveFamilyMember(props.workerId, 'heirs');
  const children = useRemoveFamilyMember(props.workerId, 'children');
  const kind = props.removing?.kind ?? 'heirs';
  const remove = kind === 'heirs' ? heirs : children;
  const name = props.removing?.member.name ?? '';
  const close = () => {
    remove.reset();
    props.onClose();
  };
  const confirm = () => {
    if (!props.removing) return;
    remove.mutate(props.removing.member.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('family.removed', { name }) });
        close();
      },
    });
  };
  return (
    <Modal
      opened={props.removing !== null}
      onClose={close}
      title={t(kind === 'heirs' ? 'family.removeHeirTitle' : 'family.removeChildTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text size="sm">
          {t(kind === 'heirs' ? 'family.removeHeirText' : 'family.removeChildText', { name })}
        </Text>
        {remove.error && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {remove.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={remove.isPending}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={remove.isPending}>
            {t('family.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
