import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import type { EnrollmentStepResponse } from '../../../core/modules/enrollment/enrollment.schema.ts';
import { useEnrollmentStep, type ChainStep } from './enrollment-api.ts';

export interface PendingStep {
  step: ChainStep;
  ids: string[];
  /** Who is concerned, for the question ("Siti Aminah" or "3 peserta"). */
  label: string;
}

const COLOR: Record<ChainStep, string | undefined> = {
  verify: 'indigo',
  approve: 'teal',
  return: 'orange',
  withdraw: undefined,
};

/** Confirms a step on one or many enrollments; sending back needs a reason. */
export function StepModal({
  pending,
  onClose,
  onDone,
}: {
  pending: PendingStep | null;
  onClose: () => void;
  onDone?: (res: EnrollmentStepResponse) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={pending !== null}
      onClose={onClose}
      title={pending ? t(`enrollment.step.${pending.step}.title`) : ''}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {pending && <StepForm pending={pending} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function StepForm({
  pending,
  onClose,
  onDone,
}: {
  pending: PendingStep;
  onClose: () => void;
  onDone?: ((res: EnrollmentStepResponse) => void) | undefined;
}) {
  const { t } = useTranslation();
  const { step, ids, label } = pending;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [refused, setRefused] = useState<EnrollmentStepResponse['results']>([]);
  const mutation = useEnrollmentStep();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step === 'return' && reason.trim().length === 0) {
      setReasonError(t('enrollment.step.reasonRequired'));
      return;
    }
    mutation.mutate(
      { step, ids, ...(step === 'return' ? { reason: reason.trim() } : {}) },
      {
        onSuccess: (res) => {
          onDone?.(res);
          if (res.done > 0)
            notifications.show({
              color: COLOR[step] ?? 'gray',
              message: t(`enrollment.step.${step}.done`, { count: res.done }),
            });
          const bad = res.results.filter((r) => r.result === 'refused');
          if (bad.length === 0) onClose();
          else setRefused(bad);
        },
      },
    );
  };

  if (refused.length > 0)
    return (
      <Stack>
        <Alert color="orange" icon={<IconAlertCircle />} role="alert">
          {t('enrollment.step.refused', { count: refused.length })}
        </Alert>
        <List size="sm" spacing={4}>
          {refused.map((r) => (
            <List.Item key={r.id}>
              <Text span size="sm" fw={500}>
                {r.fullName ?? '–'}
              </Text>
              {': '}
              {r.message}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">{t(`enrollment.step.${step}.text`, { who: label })}</Text>
        {step === 'return' && (
          <Textarea
            label={t('enrollment.step.reason')}
            description={t('enrollment.step.reasonHint')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(undefined);
            }}
            error={reasonError}
            required
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            data-testid="step-reason"
          />
        )}
        {mutation.error && (
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
            color={COLOR[step]}
            loading={mutation.isPending}
            data-testid="step-confirm"
          >
            {t(`enrollment.step.${step}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
