import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { RegionDetail } from '../../../core/modules/regions/regions.schema.ts';
import { api } from '../../lib/api.ts';
import { FactList, type Fact } from '../../ui/fact-list.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { regionKeys } from '../regions/regions-api.ts';
import { ScopeText } from '../users/user-status.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { SessionsCard } from './sessions-card.tsx';

/** /profil: who I am, my password and where I am logged in. */
export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('profile.title')} · ${t('app.name')}`);
  const me = useCurrentUser();
  // Me carries scope codes only: the names come from the region pages' own queries.
  const regions = useQueries({
    queries: me.scope.map((code) => ({
      queryKey: regionKeys.detail(code),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal }),
      staleTime: 10 * 60_000,
    })),
  });
  const scopeNames = regions.flatMap((r) =>
    r.data ? [{ code: r.data.code, name: r.data.name }] : [],
  );

  const facts: Fact[] = [
    [t('users.field.displayName'), me.displayName],
    [
      t('users.column.username'),
      <Text span ff="monospace" size="sm" key="u">
        {me.username}
      </Text>,
    ],
    [t('users.column.role'), t(`roles.${me.role}`)],
    [t('users.column.scope'), <ScopeText user={{ scope: me.scope, scopeNames }} key="s" />],
  ];

  return (
    <Stack gap="lg" maw={960}>
      <PageHeader title={t('profile.title')} description={t('profile.intro')} />
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="profile-me">
        <Title order={2} size="h4" id="profile-me" mb="sm">
          {t('profile.account')}
        </Title>
        <FactList facts={facts} cols={2} />
      </Paper>
      <Paper
        withBorder
        radius="md"
        p="md"
        component="section"
        aria-labelledby="profile-password"
        maw={560}
      >
        <Title order={2} size="h4" id="profile-password" mb="sm">
          {t('profile.password.title')}
        </Title>
        <ChangePasswordForm />
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="profile-sessions">
        <Title order={2} size="h4" id="profile-sessions" mb="sm">
          {t('profile.sessions.title')}
        </Title>
        <SessionsCard />
      </Paper>
    </Stack>
  );
}
