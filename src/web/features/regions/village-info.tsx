import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { RegionDetail } from '../../../core/modules/regions/regions.schema.ts';
import { regencyKindOf } from '../../../core/rules/region-code.ts';
import { levelLabel, localVillageWord } from './region-labels.ts';

/** A village has nothing below it: show where it sits and what kind it is. */
export function VillageInfo({ region }: { region: RegionDetail }) {
  const { t } = useTranslation();
  const word = localVillageWord(region.localTerm);
  const kind = levelLabel(t, region.level, region.kind);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="village-info-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="village-info-title">
          {t('regions.village.title')}
        </Title>
        <SimpleGrid
          component="dl"
          cols={{ base: 1, sm: 2 }}
          spacing="sm"
          verticalSpacing="sm"
          m={0}
        >
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('regions.column.kind')}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {region.kind === 'desa' && word ? t('regions.kindLocal', { kind, term: word }) : kind}
            </Text>
          </div>
          {region.ancestors.map((a) => (
            <div key={a.code}>
              <Text component="dt" size="sm" c="dimmed">
                {levelLabel(t, a.level, regencyKindOf(a.code) ?? null)}
              </Text>
              <Text component="dd" m={0}>
                <Anchor component={Link} to={`/wilayah/${a.code}`}>
                  {a.name}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {a.code}
                </Text>
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('regions.village.lowest')}
        </Text>
      </Stack>
    </Paper>
  );
}
