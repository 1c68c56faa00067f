import { useId, type ReactNode } from 'react';
import { Paper, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../lib/api.ts';
import { ErrorState } from './error-state.tsx';
import { TablePagination } from './table-pagination.tsx';
import { TableSkeleton } from './table-skeleton.tsx';

interface Page<T> {
  items: T[];
  total: number;
  pageSize: number;
}

interface PagedResultsProps<T> {
  query: UseQueryResult<Page<T>>;
  /** The heading: a count once the first page has arrived. */
  heading: (total: number | undefined) => string;
  empty: string;
  page: number;
  onPage: (page: number) => void;
  skeletonRows?: number;
  /** The table of one page; `labelledBy` names the section for screen readers. */
  children: (items: T[], view: { dimmed: boolean; labelledBy: string }) => ReactNode;
}

/**
 * A server-paginated list in a panel: the count as heading, a skeleton while loading, the API's
 * message with a retry (none for a refused filter: asking again does not help), the empty text,
 * or the table with its pagination.
 */
export function PagedResults<T>(props: PagedResultsProps<T>) {
  const { query, heading, empty, page, onPage, skeletonRows = 6, children } = props;
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Text id={headingId} size="sm" fw={600} role="status">
          {heading(query.data?.total)}
        </Text>
        {query.isPending ? (
          <TableSkeleton rows={skeletonRows} />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            onRetry={isApiError(query.error, 400) ? undefined : () => void query.refetch()}
            retrying={query.isFetching}
          />
        ) : query.data.items.length === 0 ? (
          <Text c="dimmed" size="sm" py="md">
            {empty}
          </Text>
        ) : (
          <>
            {children(query.data.items, { dimmed: query.isPlaceholderData, labelledBy: headingId })}
            <TablePagination
              page={page}
              pageSize={query.data.pageSize}
              total={query.data.total}
              onChange={onPage}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
