import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Text } from '@mantine/core';
import { IconArrowsJoin } from '@tabler/icons-react';
import { useWorker } from '../workers/workers-api.ts';

/** On a merged worker's page: the record is history; the person lives on in the kept record. */
export function MergedNotice({ mergedInto }: { mergedInto: string | null }) {
  if (!mergedInto) return null;
  return <Notice keptId={mergedInto} />;
}

function Notice({ keptId }: { keptId: string }) {
  const { t } = useTranslation();
  const kept = useWorker(keptId);
  return (
    <Alert
      color="grape"
      variant="light"
      icon={<IconArrowsJoin />}
      title={t('duplicates.merged.title')}
      data-testid="merged-notice"
    >
      <Text size="sm">
        {t('duplicates.merged.mergedInto')}{' '}
        <Anchor component={Link} to={`/pekerja/${encodeURIComponent(keptId)}`} fw={600}>
          {kept.data
            ? `${kept.data.fullName} (${kept.data.nikMasked})`
            : t('duplicates.merged.keptRecord')}
        </Anchor>
        .
      </Text>
      <Text size="sm" mt={4}>
        {t('duplicates.merged.explain')}
      </Text>
    </Alert>
  );
}
