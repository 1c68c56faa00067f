import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import type { MoveRequest } from '../../../core/modules/workers/move-requests.schema.ts';
import { issueFor, useMoveStep, type MoveStep } from './moves-api.ts';

export interface PendingStep {
  request: MoveRequest;
  step: MoveStep;
}

/** Confirms a decision (approve: optional note; reject: a note is required) or a withdrawal. */
export function MoveStepModal({
  pending,
  onClose,
}: {
  pending: PendingStep | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={pending !== null}
      onClose={onClose}
      title={pending ? t(`moves.${pending.step}Title`) : ''}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {pending && <StepForm pending={pending} onClose={onClose} />}
    </Modal>
  );
}

function StepForm({ pending, onClose }: { pending: PendingStep; onClose: () => void }) {
  const { t } = useTranslation();
  const { request: r, step } = pending;
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const mutation = useMoveStep();
  const refused = issueFor(mutation.error, ['note'] as const);
  const who = r.workerName ?? t('moves.nik', { nik: r.nikMasked });
  const from = r.fromVillageName ?? t('moves.otherVillage').toLowerCase();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step === 'reject' && !note.trim()) {
      setNoteError(t('moves.noteRequired'));
      return;
    }
    mutation.mutate(
      { id: r.id, step, ...(step !== 'withdraw' && note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (done) => {
          notifications.show({
            color: step === 'approve' ? 'teal' : 'gray',
            message: t(`moves.${step}Done`, { name: who, village: done.toVillageName }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">{t(`moves.${step}Text`, { name: who, from, to: r.toVillageName })}</Text>
        {r.reason && (
          <Text size="sm" c="dimmed">
            {t('moves.requestReason', { reason: r.reason, by: r.requestedBy })}
          </Text>
        )}
        {step !== 'withdraw' && (
          <Textarea
            label={t(step === 'reject' ? 'moves.rejectNote' : 'moves.approveNote')}
            description={t(step === 'reject' ? 'moves.rejectNoteHint' : 'moves.approveNoteHint')}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError(undefined);
            }}
            error={noteError ?? refused?.message}
            required={step === 'reject'}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            data-testid="move-decision-note"
          />
        )}
        {mutation.error && !refused && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {mutation.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={mutation.isPending}
            color={step === 'approve' ? 'teal' : step === 'reject' ? 'red' : undefined}
            data-testid="move-step-confirm"
          >
            {t(`moves.${step}Confirm`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
