import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconHeartbeat } from '@tabler/icons-react';
import type { WorkerDetail } from '../../../core/modules/workers/workers.schema.ts';
import { formatShortDate, todayInJakarta } from '../../lib/format.ts';
import { formErrors } from '../users/form-errors.ts';
import { useSetLifeStatus } from './family-api.ts';
import { parseTypedDate } from './family-form-parts.tsx';
import { LIFE_STATUS_COLOR } from './worker-labels.ts';

type Status = WorkerDetail['lifeStatus'];
const STATUSES: readonly Status[] = ['alive', 'dead', 'moved'];
const FIELDS = ['status', 'date'] as const;

/** "Hidup", "Meninggal dunia sejak 12 Mar 2026", "Pindah sejak 5 Jan 2026". */
export function lifeStatusText(
  w: Pick<WorkerDetail, 'lifeStatus' | 'deathDate' | 'movedDate'>,
  t: ReturnType<typeof useTranslation>['t'],
): string {
  if (w.lifeStatus === 'dead' && w.deathDate)
    return t('lifeStatus.deadSince', { date: formatShortDate(w.deathDate) });
  if (w.lifeStatus === 'moved' && w.movedDate)
    return t('lifeStatus.movedSince', { date: formatShortDate(w.movedDate) });
  return t(`lifeStatus.${w.lifeStatus}`);
}

/** The worker's life status with its date, and for editors a way to change it. */
export function WorkerLifeStatus({ worker, canEdit }: { worker: WorkerDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="worker-life-status">
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4" id="worker-life-status">
            {t('lifeStatus.title')}
          </Title>
          <Badge
            size="lg"
            variant="light"
            tt="none"
            color={LIFE_STATUS_COLOR[worker.lifeStatus]}
            data-testid="life-status-badge"
          >
            {lifeStatusText(worker, t)}
          </Badge>
        </Group>
        {canEdit && (
          <Button
            variant="light"
            leftSection={<IconHeartbeat size={16} aria-hidden />}
            onClick={() => setOpened(true)}
          >
            {t('lifeStatus.change')}
          </Button>
        )}
      </Group>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('lifeStatus.modalTitle', { name: worker.fullName })}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened && <LifeStatusForm worker={worker} onClose={() => setOpened(false)} />}
      </Modal>
    </Paper>
  );
}

function LifeStatusForm({ worker, onClose }: { worker: WorkerDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>(worker.lifeStatus);
  const stored =
    status === 'dead' ? worker.deathDate : status === 'moved' ? worker.movedDate : null;
  const [date, setDate] = useState<string>(stored ?? '');
  const [dateError, setDateError] = useState<string | undefined>();
  const save = useSetLifeStatus(worker.id);
  const server = formErrors(save.error, FIELDS);
  const needsDate = status !== 'alive';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (needsDate && !date) {
      setDateError(t(`lifeStatus.dateRequired.${status}`));
      return;
    }
    save.mutate(
      { status, date: needsDate ? date : null },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('lifeStatus.saved', {
              name: saved.fullName,
              status: lifeStatusText(saved, t),
            }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Select
          label={t('lifeStatus.status')}
          required
          data={STATUSES.map((s) => ({ value: s, label: t(`lifeStatus.${s}`) }))}
          value={status}
          onChange={(v) => {
            const next = v ?? 'alive';
            setStatus(next);
            setDate(
              (next === 'dead' ? worker.deathDate : next === 'moved' ? worker.movedDate : null) ??
                '',
            );
            setDateError(undefined);
          }}
          error={server.byField.status}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        {needsDate ? (
          <DateInput
            label={t(status === 'dead' ? 'lifeStatus.deathDate' : 'lifeStatus.movedDate')}
            description={t(`lifeStatus.hint.${status}`)}
            required
            value={date || null}
            onChange={(v) => {
              setDate(v ?? '');
              setDateError(undefined);
            }}
            dateParser={parseTypedDate}
            valueFormat="D MMMM YYYY"
            locale="id"
            minDate={worker.birthDate}
            maxDate={todayInJakarta()}
            error={dateError ?? server.byField.date}
            clearable
            popoverProps={{ withinPortal: true }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('lifeStatus.hint.alive')}
          </Text>
        )}
        {server.general && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {server.general.message}
          </Alert>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
