import { useTranslation } from 'react-i18next';
import { Button, Stack } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { PagedResults } from '../../ui/paged-results.tsx';
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
      <PagedResults
        query={list}
        heading={(total) =>
          total === undefined
            ? t('users.title')
            : t('users.count', { count: total, total: formatNumber(total) })
        }
        empty={t('users.empty')}
        page={page}
        onPage={(p) => set({ page: p })}
        skeletonRows={6}
      >
        {(items, view) => <UserTable items={items} {...view} />}
      </PagedResults>
      <UserCreateModal opened={creating} onClose={close} />
    </Stack>
  );
}
