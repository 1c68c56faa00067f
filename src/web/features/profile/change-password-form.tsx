import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { NewPassword } from '../../../core/modules/accounts/accounts.schema.ts';
import { formErrors } from '../users/form-errors.ts';
import { useChangePassword } from './profile-api.ts';

const FIELDS = ['currentPassword', 'newPassword', 'repeat'] as const;
type Field = (typeof FIELDS)[number];

/** Own password: the current one, a new one twice. The server also refuses common passwords. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const change = useChangePassword();
  const server = formErrors(change.error, FIELDS, { password: 'newPassword' });
  const errors = { ...server.byField, ...clientErrors };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!current) found.currentPassword = t('profile.password.currentRequired');
    const parsed = NewPassword.safeParse(next);
    if (!parsed.success) found.newPassword = parsed.error.issues[0]?.message;
    else if (next === current) found.newPassword = t('profile.password.sameAsCurrent');
    if (repeat !== next) found.repeat = t('profile.password.mismatch');
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
        },
      },
    );
  };

  const clear = (field: Field) => {
    if (change.isSuccess) change.reset();
    if (errors[field]) setClientErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('profile.password.intro')}
        </Text>
        {server.general && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {server.general.message}
          </Alert>
        )}
        {change.isSuccess && (
          <Alert color="teal" role="status" title={t('profile.password.savedTitle')}>
            {t('profile.password.saved')}
          </Alert>
        )}
        <PasswordInput
          label={t('profile.password.current')}
          value={current}
          onChange={(e) => {
            setCurrent(e.currentTarget.value);
            clear('currentPassword');
          }}
          error={errors.currentPassword}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          required
          maxLength={200}
        />
        <PasswordInput
          label={t('profile.password.new')}
          description={t('users.password.hint')}
          value={next}
          onChange={(e) => {
            setNext(e.currentTarget.value);
            clear('newPassword');
          }}
          error={errors.newPassword}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          required
          maxLength={200}
        />
        <PasswordInput
          label={t('profile.password.repeat')}
          value={repeat}
          onChange={(e) => {
            setRepeat(e.currentTarget.value);
            clear('repeat');
          }}
          error={errors.repeat}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          required
          maxLength={200}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            {t('profile.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
