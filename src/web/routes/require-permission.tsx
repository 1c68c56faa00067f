import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useCurrentUser } from '../features/auth/current-user.ts';
import { hasPermission, type Permission } from '../features/auth/permissions.ts';

/** Pages below need a permission: others are told so instead of seeing a failed request. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (hasPermission(me, permission)) return <Outlet />;
  return (
    <Stack maw={640}>
      <Alert color="yellow" icon={<IconLock />} title={t('errors.noAccessTitle')} role="alert">
        {t('errors.noAccess')}
      </Alert>
    </Stack>
  );
}
