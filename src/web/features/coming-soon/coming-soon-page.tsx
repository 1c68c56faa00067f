import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@mantine/hooks';
import { Badge, Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconHourglassHigh } from '@tabler/icons-react';

/** Stand-in for a page planned for a later release: says what it will do. */
export function ComingSoonPage({ page }: { page: string }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t(`nav.${page}`)} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">
        {t(`nav.${page}`)}
      </Title>
      <Paper withBorder radius="md" p="xl" component="section" aria-labelledby="coming-soon-title">
        <Stack align="flex-start" gap="md">
          <ThemeIcon size={48} radius="xl" variant="light" color="yellow" aria-hidden>
            <IconHourglassHigh size={28} />
          </ThemeIcon>
          <Badge color="yellow" variant="light" size="lg">
            {t('comingSoon.badge')}
          </Badge>
          <Title order={2} size="h4" id="coming-soon-title">
            {t('comingSoon.title')}
          </Title>
          <Text>{t(`comingSoon.pages.${page}`)}</Text>
          <Text c="dimmed" size="sm">
            {t('comingSoon.later')}
          </Text>
          <Button
            component={Link}
            to="/"
            variant="light"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            {t('comingSoon.back')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
