import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ProgramDetail } from '../../../core/modules/programs/program.schema.ts';
import { formatDateTime, formatNumber, formatRupiah } from '../../lib/format.ts';
import { FactList, type Fact } from '../../ui/fact-list.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Back } from '../workers/worker-load-state.tsx';
import { AllocationSection } from './allocation-section.tsx';
import { ProgramActions } from './program-actions.tsx';
import { fillPercent, formatFill, formatMonth } from './program-format.ts';
import { ProgramLoadState } from './program-load-state.tsx';
import { ProgramStatusBadge } from './program-status-badge.tsx';
import { useProgram } from './programs-api.ts';

type T = ReturnType<typeof useTranslation>['t'];

function Stat(props: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" component="dt">
        {props.label}
      </Text>
      <Text component="dd" m={0} fw={700} fz={{ base: 'md', sm: 'xl' }} data-testid={props.testId}>
        {props.value}
      </Text>
      {props.children}
    </Paper>
  );
}

/** "25 kursi per desa · desa", "Rp10.000.000 per desa → 49 kursi", "Diisi per desa". */
export function quotaText(p: ProgramDetail, t: T): string {
  const kinds = p.quota.villageKinds.map((k) => t(`planner.kind.${k}`).toLowerCase()).join(', ');
  const rule =
    p.quota.rule === 'per_village'
      ? t('programs.quota.perVillage', { count: p.quota.seats ?? 0 })
      : p.quota.rule === 'budget_per_village'
        ? t('programs.quota.budget', { amount: formatRupiah(p.quota.budgetPerVillage ?? 0) })
        : t('programs.quota.explicit');
  return `${rule} · ${kinds}`;
}

function eligibilityText(p: ProgramDetail, t: T): string {
  const e = p.eligibility;
  return [
    t('programs.eligibility.age', { min: e.minAge, max: e.maxAge }),
    e.segments.length > 0
      ? e.segments.map((s) => t(`workers.segment.${s}`)).join(', ')
      : t('programs.field.allSegments'),
    e.occupations.length > 0
      ? t('programs.eligibility.occupations', { count: e.occupations.length })
      : null,
    e.maxDecile !== null ? t('programs.eligibility.decile', { decile: e.maxDecile }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function programFacts(p: ProgramDetail, t: T): Fact[] {
  const link = (q: { id: string; name: string }) => (
    <Anchor key={q.id} component={Link} to={`/program/${encodeURIComponent(q.id)}`} size="sm">
      {q.name}
    </Anchor>
  );
  return [
    [t('programs.field.ownerRegion'), `${p.ownerRegionName} (${p.ownerRegion})`],
    [t('programs.field.funderType'), t(`planner.funder.${p.funderType}`)],
    [t('programs.field.budgetReference'), p.budgetReference ?? t('workers.none')],
    [t('programs.field.fiscalYear'), String(p.fiscalYear)],
    [
      t('programs.field.period'),
      `${formatMonth(p.firstMonth)} – ${formatMonth(p.lastMonth)} (${t('planner.result.months', { count: p.money.months })})`,
    ],
    [t('planner.form.package'), p.package.join(' + ')],
    [t('planner.form.declaredIncome'), formatRupiah(p.declaredIncome)],
    [t('programs.field.quota'), quotaText(p, t)],
    [t('programs.field.eligibility'), eligibilityText(p, t)],
    [
      t('programs.field.districtStep'),
      t(p.districtStep ? 'programs.districtStep.on' : 'programs.districtStep.off'),
    ],
    [t('programs.field.previous'), p.previous ? link(p.previous) : t('workers.none')],
    [
      t('programs.field.next'),
      p.next.length > 0 ? <Group gap="xs">{p.next.map(link)}</Group> : t('workers.none'),
    ],
    [t('programs.field.createdBy'), `${p.createdBy} · ${formatDateTime(p.createdAt)}`],
  ];
}

/** /program/:id: the facts, the status steps, the money, and the seats region by region. */
export function ProgramDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const program = useProgram(id);
  useDocumentTitle(`${program.data?.name ?? t('nav.programs')} · ${t('app.name')}`);
  const back = <Back to="/program" label={t('programs.backToList')} />;

  return (
    <ProgramLoadState program={program} back={back}>
      {(p) => (
        <Stack gap="lg" maw={1100}>
          {back}
          <PageHeader
            title={p.name}
            description={
              <Group gap="xs">
                <ProgramStatusBadge status={p.status} />
                <Text span size="sm">
                  {p.ownerRegionName} · {formatMonth(p.firstMonth)} – {formatMonth(p.lastMonth)}
                </Text>
              </Group>
            }
            actions={<ProgramActions program={p} />}
          />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
            <Stat
              label={t('programs.stat.seats')}
              value={formatNumber(p.seats)}
              testId="program-seats"
            />
            <Stat
              label={t('programs.stat.filled')}
              value={formatNumber(p.filled)}
              testId="program-filled"
            >
              <Progress value={fillPercent(p.filled, p.seats)} size="sm" mt={6} aria-hidden />
              <Text size="xs" c="dimmed" mt={2}>
                {t('programs.stat.share', { share: formatFill(p.filled, p.seats) })}
              </Text>
            </Stat>
            <Stat
              label={t('programs.stat.costPerSeat', { count: p.money.months })}
              value={formatRupiah(p.money.costPerSeat)}
              testId="program-costPerSeat"
            />
            <Stat
              label={t('programs.stat.cost')}
              value={formatRupiah(p.money.cost)}
              testId="program-cost"
            >
              {p.money.budget !== null && (
                <Text size="xs" c="dimmed" mt={2}>
                  {t('programs.stat.budget', {
                    budget: formatRupiah(p.money.budget),
                    remainder: formatRupiah(p.money.remainder ?? 0),
                  })}
                </Text>
              )}
            </Stat>
          </SimpleGrid>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="program-facts">
            <Title order={2} size="h4" id="program-facts" mb="sm">
              {t('programs.detail.facts')}
            </Title>
            <FactList facts={programFacts(p, t)} cols={3} />
          </Paper>
          <AllocationSection program={p} />
        </Stack>
      )}
    </ProgramLoadState>
  );
}
