import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Group, Table, Text } from '@mantine/core';
import type { RegionSummary } from '../../../core/modules/regions/regions.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { RetiredBadge } from './region-badges.tsx';
import { countKeysFor, levelLabel, type CountKey } from './region-labels.ts';

interface RegionChildrenTableProps {
  items: RegionSummary[];
  /** Level of the rows. */
  level: RegionSummary['level'];
  /** id of the heading that names the table. */
  labelledBy: string;
  /** Local word for desa, shown in the column header ("Desa (Dusun)"). */
  localWord?: string | null;
}

const COUNT_LABEL: Record<CountKey, string> = {
  regencies: 'regions.count.regencies',
  districts: 'regions.count.districts',
  desa: 'regions.count.desa',
  kelurahan: 'regions.count.kelurahan',
  desaAdat: 'regions.count.desaAdat',
};

/** Children of a region: code, name (a link to drill down), kind and the counts for that level. */
export function RegionChildrenTable({
  items,
  level,
  labelledBy,
  localWord,
}: RegionChildrenTableProps) {
  const { t } = useTranslation();
  // Desa adat exist in few provinces: the column appears only where there are some.
  const counts = countKeysFor(level).filter(
    (k) => k !== 'desaAdat' || items.some((r) => r.counts.desaAdat > 0),
  );
  // Every district is a kecamatan; provinces likewise: the kind says something only for regencies and villages.
  const showKind = level === 'regency' || level === 'village';
  const countLabel = (k: CountKey) =>
    k === 'desa' && localWord
      ? t('regions.count.desaLocal', { term: localWord })
      : t(COUNT_LABEL[k]);

  return (
    <Table.ScrollContainer minWidth={180 + (showKind ? 110 : 0) + counts.length * 90} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={130} visibleFrom="sm">
              {t('regions.column.code')}
            </Table.Th>
            <Table.Th scope="col">{t('regions.column.name')}</Table.Th>
            {showKind && <Table.Th scope="col">{t('regions.column.kind')}</Table.Th>}
            {counts.map((k) => (
              <Table.Th key={k} scope="col" ta="right">
                {countLabel(k)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Td visibleFrom="sm">
                <Text size="sm" ff="monospace">
                  {r.code}
                </Text>
              </Table.Td>
              <Table.Th scope="row" fw={400}>
                <Group gap={6} wrap="wrap">
                  <Anchor component={Link} to={`/wilayah/${r.code}`} fw={500} size="sm">
                    {r.name}
                  </Anchor>
                  <RetiredBadge retired={r.retired} />
                </Group>
                {/* On a phone the code column is hidden: show the code under the name. */}
                <Text size="xs" c="dimmed" ff="monospace" hiddenFrom="sm">
                  {r.code}
                </Text>
              </Table.Th>
              {showKind && (
                <Table.Td>
                  <Text size="sm">
                    {levelLabel(t, r.level, r.kind)}
                    {r.kind === 'desa' && localWord ? ` · ${localWord}` : ''}
                  </Text>
                </Table.Td>
              )}
              {counts.map((k) => (
                <Table.Td key={k} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatNumber(r.counts[k])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
