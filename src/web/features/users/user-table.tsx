import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format.ts';
import { ScopeText, UserStatusBadge } from './user-status.tsx';
import type { UserSummary } from './users-types.ts';

interface UserTableProps {
  items: UserSummary[];
  dimmed: boolean;
  labelledBy: string;
}

export function UserTable({ items, dimmed, labelledBy }: UserTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1000} type="native">
      <Table
        highlightOnHover
        verticalSpacing="xs"
        aria-labelledby={labelledBy}
        style={{ opacity: dimmed ? 0.6 : 1 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.column.name')}</Table.Th>
            <Table.Th scope="col">{t('users.column.username')}</Table.Th>
            <Table.Th scope="col">{t('users.column.role')}</Table.Th>
            <Table.Th scope="col">{t('users.column.scope')}</Table.Th>
            <Table.Th scope="col">{t('users.column.status')}</Table.Th>
            <Table.Th scope="col">{t('users.column.lastLogin')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((u) => (
            <Table.Tr key={u.id} data-testid="user-row">
              <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/pengguna/${u.id}`} fw={500} size="sm">
                  {u.displayName}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {u.username}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`roles.${u.role}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <ScopeText user={u} />
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <UserStatusBadge user={u} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c={u.lastLoginAt ? undefined : 'dimmed'}>
                  {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('users.neverLoggedIn')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
