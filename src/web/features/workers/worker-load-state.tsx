import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Group, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { IconArrowLeft } from '@tabler/icons-react';
import type { WorkerDetail } from '../../../core/modules/workers/workers.schema.ts';
import { isApiError } from '../../lib/api.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';

export function Back({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={16} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}

/**
 * While one worker loads: a skeleton, or the API's message (404: "not found", no retry) under the
 * way back. Renders `children` with the worker once it is there.
 */
export function WorkerLoadState({
  worker,
  back,
  children,
}: {
  worker: UseQueryResult<WorkerDetail>;
  back: ReactNode;
  children: (w: WorkerDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  if (worker.isPending) return <TableSkeleton rows={8} />;
  if (worker.isError) {
    return (
      <Stack>
        {back}
        <ErrorState
          error={worker.error}
          title={isApiError(worker.error, 404) ? t('workers.notFound') : undefined}
          onRetry={isApiError(worker.error, 404) ? undefined : () => void worker.refetch()}
        />
      </Stack>
    );
  }
  return <>{children(worker.data)}</>;
}
