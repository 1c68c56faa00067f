import { useTranslation } from 'react-i18next';
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { PrivacySettingsForm } from './privacy-settings-form.tsx';
import { usePrivacySettings } from './settings-api.ts';

/** /pengaturan: settings of this Jaring installation; for now the basis for processing personal data. */
export function SettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.settings')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const settings = usePrivacySettings();

  return (
    <Stack gap="lg" maw={840}>
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="privacy-basis">
        <Stack gap="md">
          <Title order={2} size="h4" id="privacy-basis">
            {t('settings.privacy.title')}
          </Title>
          <Text size="sm">{t('settings.privacy.explain')}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('settings.privacy.pointBasis')}</List.Item>
            <List.Item>{t('settings.privacy.pointAccess')}</List.Item>
            <List.Item>{t('settings.privacy.pointLogged')}</List.Item>
          </List>
          {settings.isPending ? (
            <TableSkeleton rows={3} />
          ) : settings.isError ? (
            <ErrorState
              error={settings.error}
              onRetry={() => void settings.refetch()}
              retrying={settings.isFetching}
            />
          ) : (
            <PrivacySettingsForm
              key={settings.data.updatedAt ?? 'new'}
              settings={settings.data}
              canEdit={hasPermission(me, 'settings.update')}
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
