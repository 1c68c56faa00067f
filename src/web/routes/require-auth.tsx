import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Center, Stack } from '@mantine/core';
import { useMe } from '../features/auth/auth-api.ts';
import { CurrentUserContext } from '../features/auth/current-user.ts';
import { ErrorState } from '../ui/error-state.tsx';
import { FullPageLoader } from '../ui/full-page-loader.tsx';

/** Renders the pages below only for a logged-in user; otherwise goes to /masuk and back after. */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <FullPageLoader label={t('auth.checking')} />;
  if (me.isError && me.data === undefined) {
    return (
      <Center mih="60vh" p="md">
        <Stack maw={480}>
          <ErrorState
            error={me.error}
            title={t('auth.sessionCheckFailed')}
            onRetry={() => void me.refetch()}
            retrying={me.isFetching}
          />
        </Stack>
      </Center>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/masuk' : `/masuk?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return (
    <CurrentUserContext value={me.data}>
      <Outlet />
    </CurrentUserContext>
  );
}
