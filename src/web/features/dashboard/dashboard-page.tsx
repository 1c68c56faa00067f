import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@mantine/hooks';
import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChevronRight, IconMap2 } from '@tabler/icons-react';
import { useCurrentUser } from '../auth/current-user.ts';

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(`${t('nav.dashboard')} · ${t('app.name')}`);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('dashboard.welcome', { name: user.displayName })}
        </Title>
        <Text c="dimmed">{t('dashboard.intro')}</Text>
      </Stack>
      <section aria-labelledby="dashboard-shortcuts">
        <Title order={2} size="h4" id="dashboard-shortcuts" mb="sm">
          {t('dashboard.shortcuts')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Card
            component={Link}
            to="/wilayah"
            withBorder
            radius="md"
            padding="lg"
            style={{ textDecoration: 'none' }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon size={44} radius="md" variant="light" color="teal" aria-hidden>
                  <IconMap2 size={26} />
                </ThemeIcon>
                <Stack gap={4}>
                  <Text fw={600}>{t('dashboard.regionsCard.title')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('dashboard.regionsCard.text')}
                  </Text>
                </Stack>
              </Group>
              <IconChevronRight
                size={20}
                aria-hidden
                color="var(--mantine-color-gray-6)"
                style={{ flexShrink: 0 }}
              />
            </Group>
          </Card>
        </SimpleGrid>
      </section>
    </Stack>
  );
}
