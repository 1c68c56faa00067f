import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ProgramDetail } from '../../../core/modules/programs/program.schema.ts';
import { isApiError } from '../../lib/api.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';

/** While one program loads: a skeleton, or the API's message (404: no retry) under the way back. */
export function ProgramLoadState({
  program,
  back,
  children,
}: {
  program: UseQueryResult<ProgramDetail>;
  back: ReactNode;
  children: (p: ProgramDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  if (program.isPending) return <TableSkeleton rows={8} />;
  if (program.isError) {
    const missing = isApiError(program.error, 404);
    return (
      <Stack>
        {back}
        <ErrorState
          error={program.error}
          title={missing ? t('programs.notFound') : undefined}
          onRetry={missing ? undefined : () => void program.refetch()}
        />
      </Stack>
    );
  }
  return <>{children(program.data)}</>;
}
