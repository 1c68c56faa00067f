import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Center, Stack } from '@mantine/core';
import { ErrorState } from '../ui/error-state.tsx';

/** Last resort when a page fails to render: say so and offer a reload instead of a blank screen. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Center mih="60vh" p="md">
      <Stack maw={480}>
        <ErrorState error={new Error(t('errors.unexpected'))} title={t('errors.pageFailed')} />
        <Button variant="light" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      </Stack>
    </Center>
  );
}
