import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconCalendarRepeat, IconShieldCheck } from '@tabler/icons-react';
import {
  ENDING_SOON_PDF_MAX_ROWS,
  type EndingProgram,
} from '../../../core/modules/continuity/continuity.schema.ts';
import { buildUrl } from '../../lib/api.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { formatMonth } from '../programs/program-format.ts';
import { ExportMenu } from '../../ui/export-menu.tsx';
import { RegionPicker } from '../regions/region-picker.tsx';
import { useContinuity } from './continuity-api.ts';
import { EndingVillages } from './ending-villages.tsx';
import { RenewModal } from './renew-modal.tsx';

const DEFAULT_DAYS = 45;

function ProgramRow({ p, onRenew }: { p: EndingProgram; onRenew: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" data-testid="continuity-program">
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 18rem' }}>
        <Anchor component={Link} to={`/program/${p.id}`} fw={600} size="sm">
          {p.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t('continuity.programLine', {
            last: formatMonth(p.lastMonth),
            count: p.count,
            n: formatNumber(p.count),
          })}
        </Text>
      </Stack>
      {p.renewal ? (
        <Badge
          variant="light"
          color="teal"
          tt="none"
          component={Link}
          to={`/program/${p.renewal.id}`}
          style={{ cursor: 'pointer' }}
        >
          {t('continuity.renewed', {
            name: p.renewal.name,
            status: t(`continuity.programStatus.${p.renewal.status}`),
          })}
        </Badge>
      ) : p.canRenew ? (
        <Button
          size="xs"
          leftSection={<IconCalendarRepeat size={16} aria-hidden />}
          onClick={onRenew}
        >
          {t('continuity.renewButton')}
        </Button>
      ) : (
        <Text size="xs" c="dimmed">
          {t('continuity.notRenewed')}
        </Text>
      )}
    </Group>
  );
}

/**
 * /kesinambungan "Kesinambungan perlindungan": the workers whose protection ends within N days
 * (default 45) with no approved period after it, per village, and the programs they come from,
 * each with "Perpanjang" (draft next period with the same workers) for the office that owns it.
 */
export function ContinuityPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('continuity.title')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const [days, setDays] = useState<number>(DEFAULT_DAYS);
  const [region, setRegion] = useState('');
  const [debouncedDays] = useDebouncedValue(days, 400);
  const asked = debouncedDays || DEFAULT_DAYS;
  const list = useContinuity(asked, region);
  // the files hold the list the page asked for: every worker, the same days and region
  const fileOf = (format: 'xlsx' | 'pdf') =>
    buildUrl(`/api/continuity.${format}`, { days: asked, region });
  const [renewing, setRenewing] = useState<EndingProgram | null>(null);
  const village = me.role === 'village_operator';

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader title={t('continuity.title')} description={t('continuity.intro')} />
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <NumberInput
            label={t('continuity.days')}
            description={t('continuity.daysHint')}
            value={days}
            onChange={(v) => setDays(typeof v === 'number' ? v : Number(v) || DEFAULT_DAYS)}
            min={1}
            max={366}
            clampBehavior="strict"
            w={200}
          />
          {!village && (
            <Box miw={{ base: '100%', sm: 300 }}>
              <RegionPicker
                label={t('continuity.region')}
                value={region ? [region] : []}
                onChange={(codes) => setRegion(codes[0] ?? '')}
                clearable
              />
            </Box>
          )}
          <Box ml={{ sm: 'auto' }}>
            <ExportMenu
              urls={{ xlsx: fileOf('xlsx'), pdf: fileOf('pdf') }}
              total={list.isPlaceholderData ? undefined : list.data?.total}
              pdfMax={ENDING_SOON_PDF_MAX_ROWS}
              i18nPrefix="continuity.export"
              testId="continuity-export"
            />
          </Box>
        </Group>
      </Paper>
      {list.isPending ? (
        <TableSkeleton rows={5} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <Alert
          color="teal"
          variant="light"
          icon={<IconShieldCheck />}
          data-testid="continuity-empty"
        >
          {t('continuity.empty', { days: list.data.days, until: formatDate(list.data.until) })}
        </Alert>
      ) : (
        <>
          <Text size="sm" fw={500} data-testid="continuity-summary">
            {t('continuity.summary', {
              count: list.data.total,
              n: formatNumber(list.data.total),
              villages: formatNumber(list.data.villages.length),
              days: list.data.days,
              until: formatDate(list.data.until),
            })}
          </Text>
          <Paper
            withBorder
            radius="md"
            p="md"
            component="section"
            aria-labelledby="continuity-programs"
          >
            <Stack gap="sm">
              <Title order={2} size="h4" id="continuity-programs">
                {t('continuity.programsTitle')}
              </Title>
              {list.data.programs.map((p) => (
                <ProgramRow key={p.id} p={p} onRenew={() => setRenewing(p)} />
              ))}
            </Stack>
          </Paper>
          <section aria-labelledby="continuity-villages">
            <Title order={2} size="h4" id="continuity-villages" mb="sm">
              {t('continuity.villagesTitle')}
            </Title>
            <EndingVillages villages={list.data.villages} />
          </section>
        </>
      )}
      {renewing && <RenewModal program={renewing} onClose={() => setRenewing(null)} />}
    </Stack>
  );
}
