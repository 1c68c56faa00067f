import { useTranslation } from 'react-i18next';
import { Alert, Badge, CloseButton, Group, List, Stack, Table, Text } from '@mantine/core';
import type { ProposeEnrollmentsResponse } from '../../../core/modules/enrollment/enrollment.schema.ts';
import { formatNumber } from '../../lib/format.ts';

/** What became of each NIK of a proposal: proposed, or refused with every reason. */
export function ProposalResults({
  response,
  onClose,
}: {
  response: ProposeEnrollmentsResponse;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="proposal-results">
      <Alert
        color={response.refused === 0 ? 'teal' : response.enrolled === 0 ? 'red' : 'yellow'}
        variant="light"
        role="status"
        title={t('enrollment.results.title')}
        withCloseButton={false}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">
            {t('enrollment.results.summary', {
              enrolled: formatNumber(response.enrolled),
              refused: formatNumber(response.refused),
              filled: formatNumber(response.filled),
              seats: formatNumber(response.seats),
            })}
          </Text>
          <CloseButton size="sm" aria-label={t('common.close')} onClick={onClose} />
        </Group>
      </Alert>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('enrollment.column.worker')}</Table.Th>
            <Table.Th scope="col">{t('enrollment.results.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {response.results.map((r, i) => (
            <Table.Tr key={i} data-testid="proposal-result" data-status={r.status}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.fullName ?? t('enrollment.results.unknownName')}
                </Text>
                <Text size="xs" ff="monospace" c="dimmed">
                  {r.nikMasked ?? r.nik}
                </Text>
                <List size="sm" spacing={2} mt={4}>
                  {(r.reasons ?? []).map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                  {(r.warnings ?? []).map((w) => (
                    <List.Item key={w}>
                      <Text span size="sm" c="yellow.9">
                        {w}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Table.Td>
              <Table.Td w={110} style={{ verticalAlign: 'top' }}>
                <Badge variant="light" tt="none" color={r.status === 'enrolled' ? 'teal' : 'red'}>
                  {t(`enrollment.results.${r.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
