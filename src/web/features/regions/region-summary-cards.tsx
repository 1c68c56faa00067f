import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Paper, SimpleGrid, Skeleton, Text, VisuallyHidden } from '@mantine/core';
import { formatNumber } from '../../lib/format.ts';

export interface SummaryItem {
  /** Also names the test id: `region-count-<key>`. */
  key: string;
  label: string;
  value: number;
  hint?: string | null;
}

interface RegionSummaryCardsProps {
  /** Read by screen readers as the section heading. */
  title: string;
  items: SummaryItem[];
}

/** Counts of what lies below a region, as a definition list of cards. */
export function RegionSummaryCards({ title, items }: RegionSummaryCardsProps) {
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <VisuallyHidden component="h2" id={headingId}>
        {title}
      </VisuallyHidden>
      <SimpleGrid
        component="dl"
        cols={{ base: 2, sm: 3, md: Math.min(items.length, 6) }}
        spacing="sm"
        m={0}
      >
        {items.map((item) => (
          <Paper key={item.key} withBorder radius="md" p="md">
            <Text component="dt" size="sm" c="dimmed" fw={500}>
              {item.label}
            </Text>
            <Text
              component="dd"
              m={0}
              fz={28}
              fw={700}
              lh={1.2}
              data-testid={`region-count-${item.key}`}
            >
              {formatNumber(item.value)}
            </Text>
            {item.hint && (
              <Text component="dd" m={0} size="xs" c="teal.8">
                {item.hint}
              </Text>
            )}
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}

export function RegionSummaryCardsSkeleton({ count = 4 }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: count }} spacing="sm" role="status">
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} height={84} radius="md" />
      ))}
    </SimpleGrid>
  );
}
