import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useCurrentUser } from '../auth/current-user.ts';

interface UserMenuProps {
  onLogout: () => void;
}

/** The logged-in person's name and role; opens to "Profil saya" and "Keluar". */
export function UserMenu({ onLogout }: UserMenuProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.open', { name: user.displayName })}
          visibleFrom="sm"
          px="xs"
          py={4}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Stack gap={0} align="flex-end" data-testid="current-user">
            <Text fw={600} size="sm" lh={1.2}>
              {user.displayName}{' '}
              <IconChevronDown size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {t(`roles.${user.role}`)}
            </Text>
          </Stack>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.username}</Menu.Label>
        <Menu.Item
          component={Link}
          to="/profil"
          leftSection={<IconUserCircle size={16} aria-hidden />}
        >
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={onLogout}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
