import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconLogout2 } from '@tabler/icons-react';
import { formatDateTime } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from './profile-api.ts';
import { parseUserAgent } from './user-agent.ts';

/** The browsers where this account is logged in, with a way to end the others. */
export function SessionsCard() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();

  if (sessions.isPending) return <TableSkeleton rows={2} />;
  if (sessions.isError) {
    return (
      <ErrorState
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
        retrying={sessions.isFetching}
      />
    );
  }
  const items = [...sessions.data.items].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
  const others = items.filter((s) => !s.current).length;
  const failure = revoke.error ?? revokeOthers.error;

  return (
    <Stack gap="sm">
      {failure && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {failure.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640} type="native">
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('profile.sessions.device')}</Table.Th>
              <Table.Th scope="col">{t('profile.sessions.ip')}</Table.Th>
              <Table.Th scope="col">{t('profile.sessions.started')}</Table.Th>
              <Table.Th scope="col">{t('profile.sessions.lastSeen')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('profile.sessions.action')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => {
              const device = parseUserAgent(s.userAgent);
              const label =
                [device.browser, device.os].filter(Boolean).join(t('profile.sessions.on')) ||
                t('profile.sessions.unknownDevice');
              return (
                <Table.Tr key={s.id} data-testid="session-row">
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" title={s.userAgent ?? undefined}>
                        {label}
                      </Text>
                      {s.current && (
                        <Badge color="teal" variant="light" size="sm">
                          {t('profile.sessions.current')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {s.ip ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(s.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(s.lastSeenAt)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {!s.current && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => revoke.mutate(s.id)}
                        loading={revoke.isPending && revoke.variables === s.id}
                        aria-label={t('profile.sessions.endOne', { device: label })}
                      >
                        {t('profile.sessions.end')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('profile.sessions.count', { count: items.length })}
        </Text>
        <Button
          variant="light"
          color="red"
          leftSection={<IconLogout2 size={16} aria-hidden />}
          disabled={others === 0}
          loading={revokeOthers.isPending}
          onClick={() =>
            revokeOthers.mutate(undefined, {
              onSuccess: ({ revoked }) =>
                notifications.show({
                  color: 'teal',
                  message: t('profile.sessions.endedOthers', { count: revoked }),
                }),
            })
          }
        >
          {t('profile.sessions.endOthers')}
        </Button>
      </Group>
    </Stack>
  );
}
