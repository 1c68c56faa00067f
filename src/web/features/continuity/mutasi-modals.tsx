import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { END_REASONS, type EndReason } from '../../../core/modules/continuity/continuity.schema.ts';
import { todayInJakarta } from '../../lib/format.ts';
import { formErrors } from '../users/form-errors.ts';
import { parseTypedDate } from '../workers/family-form-parts.tsx';
import { useEndEnrollment, useReplaceEnrollment } from './continuity-api.ts';

/** The enrollment a mutasi step is about. */
export interface MutasiTarget {
  id: string;
  fullName: string;
}

const END_FIELDS = ['from', 'reason', 'note'] as const;

/** "Akhiri": the regency office frees a seat from a date (death, moving away, not eligible). */
export function EndEnrollmentModal(props: { target: MutasiTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.target !== null}
      onClose={props.onClose}
      title={t('continuity.mutasi.endTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {props.target && <EndForm target={props.target} onClose={props.onClose} />}
    </Modal>
  );
}

function EndForm({ target, onClose }: { target: MutasiTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(todayInJakarta());
  const [reason, setReason] = useState<EndReason | null>(null);
  const [note, setNote] = useState('');
  const end = useEndEnrollment();
  const errors = formErrors(end.error, END_FIELDS);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!reason) return;
    end.mutate(
      { id: target.id, from, reason, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'gray',
            message: t('continuity.mutasi.endDone', { name: target.fullName }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('continuity.mutasi.endText', { name: target.fullName })}</Text>
        <DateInput
          label={t('continuity.mutasi.from')}
          value={from || null}
          onChange={(v) => setFrom(v ?? '')}
          dateParser={parseTypedDate}
          valueFormat="D MMMM YYYY"
          locale="id"
          error={errors.byField.from}
          required
        />
        <Select
          label={t('continuity.mutasi.reason')}
          data={END_REASONS.map((r) => ({ value: r, label: t(`continuity.mutasi.reasons.${r}`) }))}
          value={reason}
          onChange={setReason}
          error={errors.byField.reason}
          required
          allowDeselect={false}
          data-testid="end-reason"
        />
        <Textarea
          label={t('continuity.mutasi.note')}
          description={t('continuity.mutasi.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.byField.note}
          required={reason === 'other'}
          autosize
          minRows={2}
          maxLength={500}
        />
        {errors.general && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {errors.general.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={end.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="dark"
            disabled={!reason || !from}
            loading={end.isPending}
            data-testid="end-confirm"
          >
            {t('continuity.mutasi.endConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Usulkan pengganti": the village proposes who takes an ended seat for the remaining months. */
export function ReplaceEnrollmentModal(props: {
  target: MutasiTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.target !== null}
      onClose={props.onClose}
      title={t('continuity.mutasi.replaceTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {props.target && <ReplaceForm target={props.target} onClose={props.onClose} />}
    </Modal>
  );
}

function ReplaceForm({ target, onClose }: { target: MutasiTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [nik, setNik] = useState('');
  const replace = useReplaceEnrollment();
  const errors = formErrors(replace.error, ['nik'] as const);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    replace.mutate(
      { id: target.id, nik: nik.replace(/\D/g, '') },
      {
        onSuccess: (done) => {
          notifications.show({
            color: 'blue',
            message: t('continuity.mutasi.replaceDone', { name: done.workerName }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('continuity.mutasi.replaceText', { name: target.fullName })}</Text>
        <TextInput
          label={t('continuity.mutasi.nik')}
          description={t('continuity.mutasi.nikHint')}
          value={nik}
          onChange={(e) => setNik(e.currentTarget.value)}
          error={errors.byField.nik}
          inputMode="numeric"
          maxLength={20}
          required
          data-autofocus
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-testid="replace-nik"
        />
        {errors.general && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {errors.general.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={replace.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            disabled={nik.replace(/\D/g, '').length !== 16}
            loading={replace.isPending}
            data-testid="replace-confirm"
          >
            {t('continuity.mutasi.replace')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
