import { useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Anchor, AppShell, Burger, Group, NavLink, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLogout, IconShieldHeart } from '@tabler/icons-react';
import { ME_QUERY_KEY } from '../../lib/query-client.ts';
import { logout } from '../auth/auth-api.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { LanguageMenu } from './language-menu.tsx';
import { activeNavPath, navItemsFor } from './nav-items.ts';
import { UserMenu } from './user-menu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(close, [pathname, close]);

  const logoutMutation = useMutation({
    mutationFn: logout,
    onSettled: (_data, error) => {
      if (error) notifications.show({ color: 'red', message: error.message });
      queryClient.setQueryData(ME_QUERY_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      void navigate('/masuk', { replace: true });
    },
  });

  const roleLabel = t(`roles.${user.role}`);
  const navItems = navItemsFor(user);
  const activePath = activeNavPath(navItems, pathname);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Anchor
              component={Link}
              to="/"
              underline="never"
              c="inherit"
              aria-label={t('nav.home')}
            >
              <Group gap={6} wrap="nowrap">
                <IconShieldHeart
                  size={28}
                  stroke={1.6}
                  color="var(--mantine-color-teal-7)"
                  aria-hidden
                />
                <Text fw={700} fz="xl">
                  {t('app.name')}
                </Text>
              </Group>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <UserMenu onLogout={() => logoutMutation.mutate()} />
            <LanguageMenu />
            <Tooltip label={t('auth.logout')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                onClick={() => logoutMutation.mutate()}
                loading={logoutMutation.isPending}
                aria-label={t('auth.logout')}
              >
                <IconLogout size={20} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.mainMenu')}>
        <AppShell.Section grow>
          {navItems.map((item) => {
            const active = item.path === activePath;
            return (
              <NavLink
                key={item.path}
                component={Link}
                to={item.path}
                label={t(`nav.${item.key}`)}
                leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
                active={active}
                aria-current={active ? 'page' : undefined}
                variant="light"
              />
            );
          })}
        </AppShell.Section>
        <AppShell.Section hiddenFrom="sm" p="xs">
          <Text fw={600} size="sm">
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {roleLabel}
          </Text>
          <Anchor component={Link} to="/profil" size="sm">
            {t('nav.profile')}
          </Anchor>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
