import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Accordion, Anchor, Badge, Group, ScrollArea, Table, Text } from '@mantine/core';
import type { EndingVillage } from '../../../core/modules/continuity/continuity.schema.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';

/** Whether a protection ends so soon that the next period cannot be ready in time. */
const urgent = (daysLeft: number) => daysLeft <= 14;

/** The villages with workers whose protection ends soon, each opening to its workers. */
export function EndingVillages({ villages }: { villages: EndingVillage[] }) {
  const { t } = useTranslation();
  return (
    <Accordion
      variant="separated"
      radius="md"
      multiple
      defaultValue={villages.length <= 3 ? villages.map((v) => v.code) : []}
    >
      {villages.map((v) => (
        <Accordion.Item key={v.code} value={v.code} data-testid="continuity-village">
          <Accordion.Control>
            <Group justify="space-between" wrap="nowrap" gap="sm" pr="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm">
                  {v.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {v.district ? `${t('continuity.district', { name: v.district })} · ` : ''}
                  <Text span ff="monospace" size="xs">
                    {v.code}
                  </Text>
                </Text>
              </div>
              <Badge variant="light" color="orange" tt="none" style={{ flexShrink: 0 }}>
                {t('continuity.workers', { count: v.count, n: formatNumber(v.count) })}
              </Badge>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <ScrollArea type="auto">
              <Table verticalSpacing="xs" miw={280} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('continuity.table.worker')}</Table.Th>
                    <Table.Th>{t('continuity.table.ends')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {v.workers.map((w) => (
                    <Table.Tr key={w.enrollmentId} data-testid="continuity-worker">
                      <Table.Td>
                        <Anchor component={Link} to={`/pekerja/${w.workerId}`} size="sm" fw={500}>
                          {w.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          <Text span ff="monospace" size="xs">
                            {w.nik}
                          </Text>{' '}
                          · {w.programName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(w.endsOn)}</Text>
                        <Text
                          size="xs"
                          c={urgent(w.daysLeft) ? 'red.8' : 'dimmed'}
                          fw={urgent(w.daysLeft) ? 600 : undefined}
                        >
                          {t('continuity.daysLeft', { count: w.daysLeft })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {v.workers.length < v.count && (
              <Text size="xs" c="dimmed" mt="xs">
                {t('continuity.truncated', {
                  shown: formatNumber(v.workers.length),
                  total: formatNumber(v.count),
                })}
              </Text>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
