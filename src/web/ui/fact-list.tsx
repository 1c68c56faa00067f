import type { ReactNode } from 'react';
import { SimpleGrid, Text } from '@mantine/core';

export type Fact = [label: string, value: ReactNode];

/** Label–value pairs as a description list laid out in columns. */
export function FactList({ facts, cols = 3 }: { facts: Fact[]; cols?: 2 | 3 }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: cols }} spacing="md" component="dl" m={0}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
