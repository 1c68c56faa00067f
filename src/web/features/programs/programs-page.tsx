import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@mantine/hooks';
import { Badge, Card, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalculator, IconChevronRight, IconHourglassHigh } from '@tabler/icons-react';
import { PageHeader } from '../../ui/page-header.tsx';

/** /program: the budget planner today; program management is the next release. */
export function ProgramsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.programs')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={840}>
      <PageHeader title={t('nav.programs')} description={t('planner.home.intro')} />
      <Card
        component={Link}
        to="/program/perencana"
        withBorder
        radius="md"
        padding="lg"
        style={{ textDecoration: 'none' }}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group wrap="nowrap" align="flex-start">
            <ThemeIcon size={44} radius="md" variant="light" color="teal" aria-hidden>
              <IconCalculator size={26} />
            </ThemeIcon>
            <Stack gap={4}>
              <Text fw={600}>{t('planner.title')}</Text>
              <Text size="sm" c="dimmed">
                {t('planner.home.plannerText')}
              </Text>
            </Stack>
          </Group>
          <IconChevronRight size={20} aria-hidden color="var(--mantine-color-gray-6)" />
        </Group>
      </Card>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="programs-next">
        <Group wrap="nowrap" align="flex-start">
          <ThemeIcon size={44} radius="xl" variant="light" color="yellow" aria-hidden>
            <IconHourglassHigh size={26} />
          </ThemeIcon>
          <Stack gap={6} align="flex-start">
            <Badge color="yellow" variant="light">
              {t('comingSoon.badge')}
            </Badge>
            <Title order={2} size="h5" id="programs-next">
              {t('planner.home.nextTitle')}
            </Title>
            <Text size="sm">{t('planner.home.next')}</Text>
          </Stack>
        </Group>
      </Paper>
    </Stack>
  );
}
