import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Anchor,
  Badge,
  Group,
  Pagination,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { BATCH_PAGE_SIZE, type BatchDetail, useBatch } from './bpjs-api.ts';
import { STATUS_COLOR } from './bpjs-labels.ts';

type Member = BatchDetail['members'][number];

/** What became of one worker: the KPJ and the start of protection, or BPJS's reason. */
function Outcome({ m }: { m: Member }) {
  const { t } = useTranslation();
  if (m.status === 'active')
    return (
      <Text size="sm" mt={4}>
        {t('bpjs.members.activeSince', {
          kpj: m.kpj ?? '—',
          date: m.effectiveDate ? formatDate(m.effectiveDate) : '—',
        })}
      </Text>
    );
  if (m.reason)
    return (
      <Text size="sm" mt={4}>
        {m.reason}
      </Text>
    );
  return (
    <Text size="sm" c="dimmed" mt={4}>
      {t('bpjs.members.waiting')}
    </Text>
  );
}

/** The workers of one batch as they stand now (NIK and KPJ masked). */
export function BatchMembers({ id }: { id: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const batch = useBatch(id, page);
  if (batch.isPending) return <TableSkeleton rows={5} />;
  if (batch.isError) return <ErrorState error={batch.error} />;
  const b = batch.data;
  const pages = Math.max(1, Math.ceil(b.rows / BATCH_PAGE_SIZE));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="bpjs-members">
      <Stack gap="sm">
        <Title order={2} size="h4" id="bpjs-members">
          {t('bpjs.members.title', { n: formatNumber(b.rows) })}
        </Title>
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={320} aria-labelledby="bpjs-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('bpjs.members.worker')}</Table.Th>
                <Table.Th>{t('bpjs.members.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.members.map((m) => (
                <Table.Tr key={m.enrollmentId} data-testid="bpjs-member">
                  <Table.Td>
                    <Anchor component={Link} to={`/pekerja/${m.workerId}`} size="sm" fw={500}>
                      {m.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      <Text span ff="monospace" size="xs">
                        {m.nik}
                      </Text>{' '}
                      · {m.villageName}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Badge variant="light" color={STATUS_COLOR[m.status] ?? 'gray'} tt="none">
                      {t(`bpjs.status.${m.status}`)}
                    </Badge>
                    <Outcome m={m} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {pages > 1 && (
          <Group justify="flex-end">
            <Pagination total={pages} value={page} onChange={setPage} size="sm" />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
