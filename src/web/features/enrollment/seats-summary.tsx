import { useTranslation } from 'react-i18next';
import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format.ts';

interface SeatsSummaryProps {
  seats: number;
  filled: number;
  /** The village's own seats, or those of the user's whole area. */
  scope: 'village' | 'area';
}

/** Kursi, terisi, sisa: the village's quota at a glance. */
export function SeatsSummary({ seats, filled, scope }: SeatsSummaryProps) {
  const { t } = useTranslation();
  const remaining = Math.max(0, seats - filled);
  const full = seats > 0 && remaining === 0;
  const items = [
    { key: 'seats', value: seats },
    { key: 'filled', value: filled },
    { key: 'remaining', value: remaining },
  ];
  return (
    <Paper withBorder radius="md" p="md" data-testid="seats-summary">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t(scope === 'village' ? 'enrollment.seats.village' : 'enrollment.seats.area')}
        </Text>
        <SimpleGrid cols={3} spacing="xs">
          {items.map((i) => (
            <Stack key={i.key} gap={0} data-testid={`seats-${i.key}`}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t(`enrollment.seats.${i.key}`)}
              </Text>
              <Text fz={28} fw={700} lh={1.2}>
                {formatNumber(i.value)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Progress
          value={seats > 0 ? Math.min(100, (filled / seats) * 100) : 0}
          // every seat taken is the village's goal reached, not an error: no red
          color={full ? 'green' : 'teal'}
          aria-label={t('enrollment.seats.progress', {
            filled: formatNumber(filled),
            seats: formatNumber(seats),
          })}
        />
        {seats === 0 && (
          <Group>
            <Text size="sm" c="dimmed">
              {t('enrollment.seats.none')}
            </Text>
          </Group>
        )}
        {full && (
          <Text size="sm" c="dimmed">
            {t('enrollment.seats.full')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
