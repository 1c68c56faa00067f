import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import type { RegionDetail } from '../../../core/modules/regions/regions.schema.ts';

/** Indonesia › province › regency › … › this region. */
export function RegionBreadcrumbs({
  region,
}: {
  region: Pick<RegionDetail, 'name' | 'ancestors'>;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('regions.breadcrumbLabel')}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to="/wilayah" size="sm">
          {t('regions.indonesia')}
        </Anchor>
        {region.ancestors.map((a) => (
          <Anchor key={a.code} component={Link} to={`/wilayah/${a.code}`} size="sm">
            {a.name}
          </Anchor>
        ))}
        <Text size="sm" c="dimmed" aria-current="page">
          {region.name}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
