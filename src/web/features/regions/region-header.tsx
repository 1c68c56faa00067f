import { useTranslation } from 'react-i18next';
import { Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMapPin, IconPencil } from '@tabler/icons-react';
import type { RegionDetail } from '../../../core/modules/regions/regions.schema.ts';
import { capitalise } from '../../lib/format.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { LocalTermModal } from './local-term-modal.tsx';
import { RetiredBadge } from './region-badges.tsx';
import { RegionBreadcrumbs } from './region-breadcrumbs.tsx';
import { levelLabel, localVillageWord } from './region-labels.ts';

const WRAP = { whiteSpace: 'normal', height: 'auto', minHeight: 'var(--badge-height)' } as const;

/** Breadcrumb, name, code, level, local term and (for administrators) the local-term button. */
export function RegionHeader({ region }: { region: RegionDetail }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const canSetTerm = region.permissions.setLocalTerm;
  const term = region.localTerm;
  const word = localVillageWord(term);
  const setOnName = term
    ? term.setOn === region.code
      ? region.name
      : region.ancestors.find((a) => a.code === term.setOn)?.name
    : undefined;
  const level = levelLabel(t, region.level, region.kind);

  return (
    <Stack gap="sm">
      <RegionBreadcrumbs region={region} />
      <PageHeader
        title={region.name}
        description={
          <Group gap={6} wrap="wrap">
            <IconMapPin size={14} aria-hidden />
            <span>{level}</span>
            <span aria-hidden>·</span>
            <span>
              {t('regions.officialCode')} <Code>{region.code}</Code>
            </span>
          </Group>
        }
        actions={
          canSetTerm && (
            <Button
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={open}
            >
              {t('regions.localTerm.button')}
            </Button>
          )
        }
      />
      <Group gap="xs">
        <Badge variant="outline" color="blue" tt="none">
          {level}
        </Badge>
        <RetiredBadge retired={region.retired} />
        {word && (
          <Badge
            variant="light"
            color="teal"
            size="lg"
            tt="none"
            style={WRAP}
            data-testid="local-term-badge"
          >
            {t('regions.localTerm.badge', { term: word })}
          </Badge>
        )}
        {term?.villageHeadTitle && (
          <Badge variant="light" color="teal" size="lg" tt="none" style={WRAP}>
            {t('regions.localTerm.headBadge', { title: capitalise(term.villageHeadTitle) })}
          </Badge>
        )}
      </Group>
      {word && setOnName && (
        <Text size="xs" c="dimmed">
          {t('regions.localTerm.setOn', { name: setOnName })}
        </Text>
      )}
      {canSetTerm && <LocalTermModal region={region} opened={opened} onClose={close} />}
    </Stack>
  );
}
