import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileCheck } from '@tabler/icons-react';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { notAppliedUrl, type ResultImport, useResultImport } from './bpjs-api.ts';
import { notAppliedCount, OUTCOME_COLOR, outcomeTerms, RESULT_OUTCOMES } from './bpjs-labels.ts';

/** One answer import, loaded by id (opened from the list, or just uploaded). */
export function AnswerResultPanel({ id }: { id: string }) {
  const result = useResultImport(id);
  if (result.isPending) return <TableSkeleton rows={4} />;
  if (result.isError) return <ErrorState error={result.error} />;
  return <AnswerResult result={result.data} />;
}

/** Counts per outcome, the sentence that adds them up, and the rows not applied with the reason. */
export function AnswerResult({ result }: { result: ResultImport }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { counts } = result;
  const sum = t('bpjs.result.sentence', {
    total: formatNumber(counts.total),
    terms: outcomeTerms(counts)
      .map((o) => t(`bpjs.outcome.${o}`, { count: counts[o], n: formatNumber(counts[o]) }))
      .join(' + '),
  });
  const notApplied = notAppliedCount(counts);

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={headingId}
      data-testid="bpjs-result"
    >
      <Stack gap="md">
        <Group gap="xs" wrap="wrap">
          <IconFileCheck size={20} aria-hidden />
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {t('bpjs.result.title', { file: result.fileName })}
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          {t('bpjs.result.by', { who: result.createdBy, at: formatDateTime(result.createdAt) })}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" m={0}>
          {RESULT_OUTCOMES.map((o) => (
            <Paper key={o} withBorder radius="md" p="sm">
              <Text component="dt" size="sm" c="dimmed" fw={500} lh={1.3}>
                {t(`bpjs.count.${o}`)}
              </Text>
              <Text
                component="dd"
                m={0}
                fz={24}
                fw={700}
                c={counts[o] > 0 ? `${OUTCOME_COLOR[o]}.8` : undefined}
                data-testid={`bpjs-count-${o}`}
              >
                {formatNumber(counts[o])}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        <Text size="sm" data-testid="bpjs-result-sum">
          {sum}
        </Text>
        {notApplied > 0 ? (
          <NotAppliedRows result={result} total={notApplied} />
        ) : (
          <Alert color="teal" variant="light">
            {t('bpjs.result.allApplied')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function NotAppliedRows({ result, total }: { result: ResultImport; total: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" mb="xs" gap="sm">
        <Title order={3} size="h5" id={headingId}>
          {t('bpjs.result.rowsTitle', { count: total, n: formatNumber(total) })}
        </Title>
        <Anchor href={notAppliedUrl(result.id)} download size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} aria-hidden />
            {t('bpjs.result.download')}
          </Group>
        </Anchor>
      </Group>
      <Paper withBorder radius="md">
        <ScrollArea.Autosize mah={420} type="auto">
          <Table striped stickyHeader verticalSpacing="xs" miw={340} aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={64}>{t('bpjs.result.line')}</Table.Th>
                <Table.Th>{t('bpjs.result.worker')}</Table.Th>
                <Table.Th>{t('bpjs.result.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rows.map((r) => (
                <Table.Tr key={r.line} data-testid="bpjs-result-row">
                  <Table.Td ff="monospace">{r.line}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.name ?? '—'}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {r.nik ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Badge variant="light" color={OUTCOME_COLOR[r.outcome]} tt="none">
                      {t(`bpjs.outcomeShort.${r.outcome}`)}
                    </Badge>
                    <Text size="sm" mt={4}>
                      {r.message}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
    </section>
  );
}
