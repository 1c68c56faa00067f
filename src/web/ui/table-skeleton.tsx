import { useTranslation } from 'react-i18next';
import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** Placeholder rows while a table loads. */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
      <Skeleton height={36} radius="sm" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={28} radius="sm" opacity={1 - i * (0.6 / rows)} />
      ))}
    </Stack>
  );
}
