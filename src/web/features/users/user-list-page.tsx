import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TablePagination } from '../../ui/table-pagination.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { UserCreateModal } from './user-create-modal.tsx';
import { USER_FILTERS, UserFilters } from './user-filters.tsx';
import { UserTable } from './user-table.tsx';
import { USERS_PAGE_SIZE, useUserList } from './users-api.ts';

/** /pengguna: the accounts within the current user's work area. */
export function UserListPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.users')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const headingId = useId();
  const [creating, { open, close }] = useDisclosure(false);
  const { values, page, set, reset } = useSearchState(USER_FILTERS);
  const list = useUserList({
    q: values.q || undefined,
    role: values.role || undefined,
    active: values.active === 'true' || values.active === 'false' ? values.active : undefined,
    region: values.region || undefined,
    page,
    pageSize: USERS_PAGE_SIZE,
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          hasPermission(me, 'users.create') && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={open}>
              {t('users.create.button')}
            </Button>
          )
        }
      />
      <UserFilters values={values} onChange={set} onReset={reset} />
      <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={headingId}>
        <Stack gap="xs">
          <Text id={headingId} size="sm" fw={600} role="status">
            {list.data
              ? t('users.count', { count: list.data.total, total: formatNumber(list.data.total) })
              : t('users.title')}
          </Text>
          {list.isPending ? (
            <TableSkeleton rows={6} />
          ) : list.isError ? (
            <ErrorState
              error={list.error}
              onRetry={() => void list.refetch()}
              retrying={list.isFetching}
            />
          ) : list.data.items.length === 0 ? (
            <Text c="dimmed" size="sm" py="md">
              {t('users.empty')}
            </Text>
          ) : (
            <>
              <UserTable
                items={list.data.items}
                dimmed={list.isPlaceholderData}
                labelledBy={headingId}
              />
              <TablePagination
                page={page}
                pageSize={list.data.pageSize}
                total={list.data.total}
                onChange={(p) => set({ page: p })}
              />
            </>
          )}
        </Stack>
      </Paper>
      <UserCreateModal opened={creating} onClose={close} />
    </Stack>
  );
}
