import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { NewPassword } from '../../../core/modules/accounts/accounts.schema.ts';
import { formErrors } from './form-errors.ts';
import { PasswordField } from './password-field.tsx';
import { useResetPassword } from './users-api.ts';
import type { UserSummary } from './users-types.ts';

interface ResetPasswordModalProps {
  user: UserSummary;
  opened: boolean;
  onClose: () => void;
}

export function ResetPasswordModal({ user, opened, onClose }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.reset.title', { name: user.displayName })}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <ResetPasswordForm user={user} onClose={onClose} />}
    </Modal>
  );
}

function ResetPasswordForm({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState(false);
  const [clientError, setClientError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const reset = useResetPassword(user.id);
  const server = formErrors(reset.error, ['newPassword'] as const, { password: 'newPassword' });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = NewPassword.safeParse(password);
    setClientError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (!parsed.success) return;
    reset.mutate(password, {
      onSuccess: () => {
        setDone(true);
        notifications.show({
          color: 'teal',
          title: t('users.reset.savedTitle'),
          message: t('users.reset.saved', { name: user.displayName }),
        });
      },
    });
  };

  if (done) {
    return (
      <Stack>
        <Alert color="teal" icon={<IconInfoCircle />} title={t('users.reset.savedTitle')}>
          <Text size="sm">{t('users.reset.sessionsEnded', { name: user.displayName })}</Text>
        </Alert>
        {generated && (
          <Text size="sm">
            {t('users.reset.handOverNow')} <strong>{password}</strong>
          </Text>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">{t('users.reset.intro', { username: user.username })}</Text>
        {server.general && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {server.general.message}
          </Alert>
        )}
        <PasswordField
          label={t('users.field.newPassword')}
          value={password}
          onChange={(v) => {
            setPassword(v);
            setGenerated(false);
            setClientError(undefined);
          }}
          generated={generated}
          onGenerated={(v) => {
            setPassword(v);
            setGenerated(true);
            setClientError(undefined);
          }}
          error={clientError ?? server.byField.newPassword}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={reset.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={reset.isPending}>
            {t('users.reset.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
