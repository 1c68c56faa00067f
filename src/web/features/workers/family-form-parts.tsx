import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Group, Modal, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { z } from 'zod';
import { fieldErrorsFromIssues } from '../../lib/field-errors.ts';

/** "12-03-2026", "12/03/2026" or "2026-03-12" → "2026-03-12" (people type dates day first). */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
}

export interface ModalProps<M> {
  workerId: string;
  /** The member to change; adding when absent. */
  member: M | undefined;
  opened: boolean;
  onClose: () => void;
}

export function FormModal(props: {
  title: string;
  opened: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Mounted only while open, so the form starts from the saved values each time. */}
      {props.opened && props.children}
    </Modal>
  );
}

/** The NIK field of an heir or child: stored NIKs stay masked; empty keeps, a box removes. */
export function NikInput(props: {
  masked: string | null | undefined;
  value: string;
  onChange: (v: string) => void;
  clear: boolean;
  onClear: (v: boolean) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('family.field.nik')}
        description={
          props.masked
            ? t('family.field.nikKeepHint', { masked: props.masked })
            : t('family.field.nikHint')
        }
        placeholder={props.masked ?? undefined}
        inputMode="numeric"
        maxLength={24}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={props.error}
        disabled={props.clear}
      />
      {props.masked && (
        <Checkbox
          label={t('family.field.clearNik')}
          checked={props.clear}
          onChange={(e) => props.onClear(e.currentTarget.checked)}
        />
      )}
    </>
  );
}

export function FormButtons({
  pending,
  onClose,
  error,
}: {
  pending: boolean;
  onClose: () => void;
  error: Error | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {error.message}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onClose} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={pending}>
          {t('common.save')}
        </Button>
      </Group>
    </>
  );
}

/** Parses with the shared contract; on failure, shows the messages at their fields. */
export function check<S extends z.ZodType, F extends string>(
  schema: S,
  body: unknown,
  fields: readonly F[],
  setErrors: (e: Partial<Record<F, string>>) => void,
): boolean {
  const parsed = schema.safeParse(body);
  setErrors(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, fields));
  return parsed.success;
}
