import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { isApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { FactList, type Fact } from '../../ui/fact-list.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { UserAccountActions } from './user-account-actions.tsx';
import { UserEditForm } from './user-edit-form.tsx';
import { ScopeText, UserStatusBadge } from './user-status.tsx';
import { useUser } from './users-api.ts';

/** /pengguna/:id: one account, its data and what an administrator may do with it. */
export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const user = useUser(id);
  useDocumentTitle(`${user.data?.displayName ?? t('nav.users')} · ${t('app.name')}`);
  const canEdit = hasPermission(me, 'users.update');

  const back = (
    <Anchor component={Link} to="/pengguna" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={16} aria-hidden />
        {t('users.backToList')}
      </Group>
    </Anchor>
  );

  if (user.isPending) return <TableSkeleton rows={6} />;
  if (user.isError) {
    return (
      <Stack>
        {back}
        <ErrorState
          error={user.error}
          title={isApiError(user.error, 404) ? t('users.notFound') : undefined}
          onRetry={isApiError(user.error, 404) ? undefined : () => void user.refetch()}
        />
      </Stack>
    );
  }
  const u = user.data;
  const facts: Fact[] = [
    [
      t('users.column.username'),
      <Text ff="monospace" size="sm" key="u">
        {u.username}
      </Text>,
    ],
    [t('users.column.role'), t(`roles.${u.role}`)],
    [t('users.column.scope'), <ScopeText user={u} key="s" />],
    [t('users.column.status'), <UserStatusBadge user={u} key="st" />],
    [
      t('users.column.lastLogin'),
      u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.neverLoggedIn'),
    ],
    [t('users.column.createdAt'), formatDateTime(u.createdAt)],
    [t('users.field.language'), t(`language.${u.language}`)],
  ];

  return (
    <Stack gap="lg" maw={960}>
      {back}
      <PageHeader title={u.displayName} description={`${u.username} · ${t(`roles.${u.role}`)}`} />
      <Paper withBorder radius="md" p="md">
        <FactList facts={facts} cols={3} />
      </Paper>
      {canEdit && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="user-edit">
            <Title order={2} size="h4" id="user-edit" mb="sm">
              {t('users.edit.title')}
            </Title>
            <UserEditForm key={`${u.id}:${u.role}:${u.scope.join()}`} user={u} />
          </Paper>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="user-actions">
            <Title order={2} size="h4" id="user-actions" mb="xs">
              {t('users.actions.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('users.actions.intro')}
            </Text>
            <UserAccountActions user={u} self={u.id === me.id} />
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}
