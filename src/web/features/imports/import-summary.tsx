import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconFileCheck } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format.ts';
import { COUNT_CARDS, countsAddUp, sentenceTerms, type CountKey } from './import-counts.ts';
import type { ImportSummary } from './imports-api.ts';

const COUNT_COLOR: Partial<Record<CountKey, string>> = {
  created: 'teal.8',
  updated: 'blue.8',
  warned: 'yellow.9',
  rejected: 'red.8',
  skipped: 'gray.7',
};

/**
 * The counts of a preview or a commit, the sentence that adds them up, and the rows not written.
 * Of an import that stopped early they are the counts of the rows it got through.
 */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { counts, mode } = summary;
  const n = (k: CountKey) => formatNumber(counts[k]);
  const sum = t('imports.sum.sentence', {
    total: n('total'),
    terms: sentenceTerms(counts)
      .map((k) => t(`imports.sum.${mode}.${k}`, { count: counts[k], n: n(k) }))
      .join(' + '),
  });

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <IconFileCheck size={18} aria-hidden />
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {summary.fileName}
        </Text>
        <Badge variant="light" color="teal" data-testid="import-layout">
          {t(`imports.layout.${summary.layout}`)}
        </Badge>
        {summary.villageCode && (
          <Text size="sm" c="dimmed">
            {t('imports.villageUsed')}{' '}
            <Text span ff="monospace" size="sm">
              {summary.villageCode}
            </Text>
          </Text>
        )}
      </Group>
      <section aria-labelledby={headingId}>
        <Title order={3} size="h5" id={headingId} mb="xs">
          {summary.status === 'done'
            ? t(`imports.countsTitle.${mode}`)
            : t('imports.countsTitle.partial', {
                line: formatNumber(summary.progress.linesDone),
              })}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 4, xl: 7 }} spacing="sm" m={0}>
          {COUNT_CARDS.map((key) => (
            <Paper
              key={key}
              withBorder
              radius="md"
              p="sm"
              bg={key === 'warned' ? 'var(--mantine-color-gray-0)' : undefined}
            >
              <Text component="dt" size="sm" c="dimmed" fw={500} lh={1.3}>
                {t(`imports.count.${mode}.${key}`)}
              </Text>
              <Text
                component="dd"
                m={0}
                fz={26}
                fw={700}
                lh={1.2}
                c={counts[key] > 0 ? COUNT_COLOR[key] : undefined}
                data-testid={`import-count-${key}`}
              >
                {n(key)}
              </Text>
              {key === 'warned' && (
                <Text component="dd" m={0} size="xs" c="dimmed">
                  {t('imports.warnedHint')}
                </Text>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      <Text size="sm" data-testid="import-sum">
        {sum}
        {counts.warned > 0 &&
          ` ${t(`imports.sum.warned`, { count: counts.warned, n: n('warned') })}`}
      </Text>
      {!countsAddUp(counts) && (
        <Alert color="yellow" icon={<IconAlertTriangle />} role="alert">
          {t('imports.sum.mismatch')}
        </Alert>
      )}
      <NotWrittenRows summary={summary} />
    </Stack>
  );
}

type Filter = 'all' | 'rejected' | 'skipped';

function NotWrittenRows({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const { rows, counts } = summary;
  if (rows.length === 0) return null;
  const both =
    rows.some((r) => r.outcome === 'rejected') && rows.some((r) => r.outcome === 'skipped');
  const shown = both && filter !== 'all' ? rows.filter((r) => r.outcome === filter) : rows;
  const notWritten = counts.rejected + counts.skipped;

  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" mb="xs" gap="sm">
        <Title order={3} size="h5" id={headingId}>
          {t('imports.rows.title')}
        </Title>
        {both && (
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={setFilter}
            data={[
              { value: 'all', label: t('imports.rows.all', { n: formatNumber(rows.length) }) },
              { value: 'rejected', label: t('imports.outcome.rejected') },
              { value: 'skipped', label: t('imports.outcome.skipped') },
            ]}
          />
        )}
      </Group>
      {rows.length < notWritten && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('imports.rows.truncated', {
            shown: formatNumber(rows.length),
            total: formatNumber(notWritten),
          })}
        </Text>
      )}
      <Paper withBorder radius="md">
        <ScrollArea.Autosize mah={440} type="auto">
          <Table striped stickyHeader verticalSpacing="xs" miw={460} aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={70}>
                  {t('imports.rows.line')}
                </Table.Th>
                <Table.Th scope="col" w={120}>
                  {t('imports.rows.outcome')}
                </Table.Th>
                <Table.Th scope="col">{t('imports.rows.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={`${row.outcome}:${row.line}`} data-testid="import-row">
                  <Table.Td ff="monospace">{row.line}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={row.outcome === 'rejected' ? 'red' : 'gray'}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {t(`imports.outcome.${row.outcome}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
    </section>
  );
}
