import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ProgramDetail } from '../../../core/modules/programs/program.schema.ts';
import { ALLOCATIONS_PDF_MAX_ROWS } from '../../../core/modules/programs/allocation.schema.ts';
import { buildUrl } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { ExportMenu } from '../../ui/export-menu.tsx';
import { AllocationImport } from './allocation-import.tsx';
import { AllocationTable } from './allocation-table.tsx';
import { formatFill } from './program-format.ts';
import { useAllocations } from './programs-api.ts';

/**
 * Seats region by region: the region in view (the owner region, or the user's own area), its
 * children with seats, filled seats and share; a child's name goes one level down, the
 * breadcrumbs back up. The region is kept in the address (?wilayah=) so it survives a reload.
 */
export function AllocationSection({ program: p }: { program: ProgramDetail }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const region = params.get('wilayah') ?? '';
  const q = useAllocations(p.id, region);
  const editable = p.permissions.manage && p.status === 'draft' && p.quota.rule === 'explicit';
  const data = q.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="program-seats">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="xs">
          <Title order={2} size="h4" id="program-seats">
            {t('programs.allocation.title')}
          </Title>
          {data && (
            <Group gap="sm" align="center">
              <Text size="sm" data-testid="allocation-total">
                {t('programs.allocation.total', {
                  name: data.name,
                  seats: formatNumber(data.seats),
                  filled: formatNumber(data.filled),
                  share: formatFill(data.filled, data.seats),
                })}
              </Text>
              <ExportMenu
                urls={{
                  xlsx: buildUrl(`/api/programs/${p.id}/allocations.xlsx`, { region: data.region }),
                  pdf: buildUrl(`/api/programs/${p.id}/allocations.pdf`, { region: data.region }),
                }}
                total={data.villages}
                pdfMax={ALLOCATIONS_PDF_MAX_ROWS}
                i18nPrefix="programs.allocation.export"
                testId="allocations-export"
              />
            </Group>
          )}
        </Group>
        {data && data.path.length > 0 && (
          <nav aria-label={t('programs.allocation.breadcrumb')}>
            <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
              {data.path.map((step, i) =>
                i === data.path.length - 1 ? (
                  <Text key={step.region} size="sm" c="dimmed" aria-current="page">
                    {step.name}
                  </Text>
                ) : (
                  <Anchor
                    key={step.region}
                    component={Link}
                    to={`?wilayah=${step.region}`}
                    size="sm"
                  >
                    {step.name}
                  </Anchor>
                ),
              )}
            </Breadcrumbs>
          </nav>
        )}
        {q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
        ) : !data ? (
          <TableSkeleton rows={6} />
        ) : data.level === 'village' ? (
          <Text size="sm" c="dimmed">
            {t('programs.allocation.village', {
              seats: formatNumber(data.seats),
              filled: formatNumber(data.filled),
            })}
          </Text>
        ) : (
          <AllocationTable
            key={data.region}
            programId={p.id}
            data={data}
            editable={editable}
            dimmed={q.isPlaceholderData}
          />
        )}
        {editable && <AllocationImport programId={p.id} />}
      </Stack>
    </Paper>
  );
}
