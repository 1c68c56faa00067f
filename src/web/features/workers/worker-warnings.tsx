import { useTranslation } from 'react-i18next';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { WorkerDetail } from '../../../core/modules/workers/workers.schema.ts';
import { useConfirmWarnings } from './workers-api.ts';

/** The NIK warnings of a worker; an operator marks them checked after seeing the KTP. */
export function WorkerWarnings({ worker }: { worker: WorkerDetail }) {
  const { t } = useTranslation();
  const confirm = useConfirmWarnings(worker.id);
  if (worker.warnings.length === 0) return null;
  const open = worker.warnings.filter((w) => !w.confirmed).length;
  return (
    <Alert
      color={open > 0 ? 'orange' : 'gray'}
      variant="light"
      icon={<IconAlertTriangle />}
      title={
        open > 0 ? t('workers.warnings.title', { count: open }) : t('workers.warnings.allChecked')
      }
      data-testid="worker-warnings"
    >
      <Stack gap="sm">
        <List size="sm" spacing={4}>
          {worker.warnings.map((w) => (
            <List.Item
              key={w.code}
              icon={
                w.confirmed ? (
                  <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
                ) : undefined
              }
            >
              {w.message}{' '}
              {w.confirmed && (
                <Text span size="xs" c="dimmed">
                  ({t('workers.warnings.checked')})
                </Text>
              )}
            </List.Item>
          ))}
        </List>
        {open > 0 && (
          <Text size="xs" c="dimmed">
            {t('workers.warnings.explain')}
          </Text>
        )}
        {confirm.isError && (
          <Text size="sm" c="red" role="alert">
            {confirm.error.message}
          </Text>
        )}
        {worker.canEdit && open > 0 && (
          <div>
            <Button
              size="xs"
              color="orange"
              loading={confirm.isPending}
              onClick={() =>
                confirm.mutate(undefined, {
                  onSuccess: () =>
                    notifications.show({
                      color: 'teal',
                      message: t('workers.warnings.confirmed'),
                    }),
                })
              }
            >
              {t('workers.warnings.confirm')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
