import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconMapOff } from '@tabler/icons-react';

/** An unknown or malformed code in the address. */
export function RegionNotFound({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl" role="alert">
      <Stack align="flex-start" gap="sm">
        <ThemeIcon size={44} radius="xl" variant="light" color="gray" aria-hidden>
          <IconMapOff size={24} />
        </ThemeIcon>
        <Title order={1} size="h3">
          {t('regions.notFound.title')}
        </Title>
        <Text>{message ?? t('regions.notFound.text')}</Text>
        <Button
          component={Link}
          to="/wilayah"
          variant="light"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
        >
          {t('regions.notFound.back')}
        </Button>
      </Stack>
    </Paper>
  );
}
