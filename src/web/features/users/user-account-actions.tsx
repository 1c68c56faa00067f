import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { isLocked } from './user-status.tsx';
import { useSetUserActive } from './users-api.ts';
import type { UserSummary } from './users-types.ts';

interface UserAccountActionsProps {
  user: UserSummary;
  /** The person looking at their own account: they cannot deactivate themselves. */
  self: boolean;
}

/** Deactivate / reactivate (also lifts a lock) and reset the password. */
export function UserAccountActions({ user, self }: UserAccountActionsProps) {
  const { t } = useTranslation();
  // What the open dialog asks, fixed when it opens (the status flips on success while it closes).
  const [mode, setMode] = useState<'activate' | 'deactivate'>('deactivate');
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const setActive = useSetUserActive(user.id);
  const activating = !user.active || isLocked(user);
  const asking = mode === 'activate';

  const confirm = () => {
    setActive.mutate(asking, {
      onSuccess: (saved) => {
        setConfirming(false);
        notifications.show({
          color: 'teal',
          message: t(asking ? 'users.actions.activated' : 'users.actions.deactivated', {
            name: saved.displayName,
          }),
        });
      },
    });
  };

  return (
    <Stack gap="sm">
      {setActive.error && !confirming && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {setActive.error.message}
        </Alert>
      )}
      <Group gap="sm">
        {(activating || !self) && (
          <Button
            variant="light"
            color={activating ? 'teal' : 'red'}
            leftSection={
              activating ? (
                <IconUserCheck size={18} aria-hidden />
              ) : (
                <IconUserOff size={18} aria-hidden />
              )
            }
            onClick={() => {
              setActive.reset();
              setMode(activating ? 'activate' : 'deactivate');
              setConfirming(true);
            }}
          >
            {t(activating ? 'users.actions.activate' : 'users.actions.deactivate')}
          </Button>
        )}
        <Button
          variant="light"
          color="orange"
          leftSection={<IconKey size={18} aria-hidden />}
          onClick={() => setResetting(true)}
        >
          {t('users.actions.resetPassword')}
        </Button>
      </Group>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t(asking ? 'users.actions.activateTitle' : 'users.actions.deactivateTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">
            {t(asking ? 'users.actions.activateText' : 'users.actions.deactivateText', {
              name: user.displayName,
              username: user.username,
            })}
          </Text>
          {setActive.error && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {setActive.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => setConfirming(false)}
              disabled={setActive.isPending}
            >
              {t('common.cancel')}
            </Button>
            <Button color={asking ? 'teal' : 'red'} onClick={confirm} loading={setActive.isPending}>
              {t(asking ? 'users.actions.activate' : 'users.actions.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ResetPasswordModal user={user} opened={resetting} onClose={() => setResetting(false)} />
    </Stack>
  );
}
