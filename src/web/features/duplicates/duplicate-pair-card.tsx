import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsJoin, IconUsers } from '@tabler/icons-react';
import type {
  DuplicatePair,
  DuplicateWorker,
} from '../../../core/modules/workers/duplicates.schema.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { occupationLabel } from '../workers/worker-labels.ts';

type T = ReturnType<typeof useTranslation>['t'];

/** What a reviewer compares, row by row; a row whose two values differ is highlighted. */
function rowsOf(w: DuplicateWorker, t: T): [key: string, value: string][] {
  const extra = [w.hasKk && t('duplicates.field.kk'), w.hasPhone && t('duplicates.field.phone')]
    .concat(w.hasKpj && t('duplicates.field.kpj'))
    .filter(Boolean)
    .join(', ');
  return [
    ['nik', w.nikMasked],
    ['fullName', w.fullName],
    ['sex', t(`workers.sex.${w.sex}`)],
    ['born', [w.birthPlace, formatDate(w.birthDate)].filter(Boolean).join(', ')],
    ['village', `${w.villageName}, ${w.districtName}`],
    ['dusun', w.dusun ?? '—'],
    ['occupation', occupationLabel(w.occupationCode, w.occupationName)],
    ['segment', t(`workers.segment.${w.segment}`)],
    ['lifeStatus', t(`workers.lifeStatus.${w.lifeStatus}`)],
    ['extra', extra || '—'],
    ['family', t('duplicates.familyCount', { heirs: w.heirCount, children: w.childCount })],
    ['createdAt', formatDateTime(w.createdAt)],
  ];
}

/** The pair as people read it: the record registered first is "Data 1". */
export function olderFirst(p: DuplicatePair): DuplicatePair {
  return p.b.createdAt < p.a.createdAt ? { ...p, a: p.b, b: p.a } : p;
}

interface DuplicatePairCardProps {
  pair: DuplicatePair;
  index: number;
  busy: boolean;
  onDifferent: () => void;
  onMerge: () => void;
}

export function DuplicatePairCard({
  pair,
  index,
  busy,
  onDifferent,
  onMerge,
}: DuplicatePairCardProps) {
  const { t } = useTranslation();
  const a = rowsOf(pair.a, t);
  const b = new Map(rowsOf(pair.b, t));
  const titleId = `pair-${pair.a.id}-${pair.b.id}`;
  const head = (w: DuplicateWorker, n: number): ReactNode => (
    <Table.Th scope="col" w="38%">
      <Anchor component={Link} to={`/pekerja/${encodeURIComponent(w.id)}`} fw={700} size="sm">
        {t('duplicates.record', { n })}
      </Anchor>
    </Table.Th>
  );
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="duplicate-pair"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {t('duplicates.pairTitle', {
              n: index,
              name: pair.a.fullName,
              date: formatDate(pair.a.birthDate),
            })}
          </Title>
          <Badge variant="light" color="gray" tt="none">
            {t('duplicates.regency', { code: pair.regencyCode })}
          </Badge>
        </Group>
        <Table.ScrollContainer minWidth={640} type="native">
          <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="24%">
                  {t('duplicates.field.label')}
                </Table.Th>
                {head(pair.a, 1)}
                {head(pair.b, 2)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.map(([key, left]) => {
                const right = b.get(key) ?? '';
                const differs = left !== right;
                return (
                  <Table.Tr
                    key={key}
                    bg={differs ? 'var(--mantine-color-yellow-light)' : undefined}
                    data-differs={differs || undefined}
                  >
                    <Table.Th scope="row" fw={500}>
                      <Group gap={6}>
                        <Text span size="sm" fw={500} data-label>
                          {t(`duplicates.field.${key}`)}
                        </Text>
                        {differs && (
                          <Badge
                            size="xs"
                            variant="outline"
                            color="yellow.9"
                            style={{ flexShrink: 0 }}
                          >
                            {t('duplicates.differs')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    <Table.Td ff={key === 'nik' ? 'monospace' : undefined}>{left}</Table.Td>
                    <Table.Td ff={key === 'nik' ? 'monospace' : undefined}>{right}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end" gap="xs">
          <Button
            variant="default"
            leftSection={<IconUsers size={16} aria-hidden />}
            onClick={onDifferent}
            disabled={busy}
          >
            {t('duplicates.different.button')}
          </Button>
          <Button
            leftSection={<IconArrowsJoin size={16} aria-hidden />}
            onClick={onMerge}
            disabled={busy}
          >
            {t('duplicates.merge.button')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
