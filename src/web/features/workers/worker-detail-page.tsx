import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import type { WorkerDetail } from '../../../core/modules/workers/workers.schema.ts';
import { formatDate, formatDateTime, formatRupiah } from '../../lib/format.ts';
import { FactList, type Fact } from '../../ui/fact-list.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { LifeStatusBadge, WarningCountBadge } from './worker-badges.tsx';
import { IdValue, RevealIdentityButton } from './worker-identity.tsx';
import { occupationLabel } from './worker-labels.ts';
import { WorkerWarnings } from './worker-warnings.tsx';
import { useRevealIdentity, useWorker } from './workers-api.ts';
import { Back, WorkerLoadState } from './worker-load-state.tsx';
import { MergedNotice } from '../duplicates/merged-notice.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { WorkerFamily } from './worker-family.tsx';
import { WorkerLifeStatus } from './worker-life-status.tsx';

function Section(props: { id: string; title: string; facts: Fact[]; footer?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={props.id}>
      <Title order={2} size="h4" id={props.id} mb="sm">
        {props.title}
      </Title>
      <FactList facts={props.facts} cols={3} />
      {props.footer && <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>{props.footer}</div>}
    </Paper>
  );
}

/** /pekerja/:id: one worker, read-only; identifiers masked until asked for. */
export function WorkerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const worker = useWorker(id);
  const reveal = useRevealIdentity(id);
  const me = useCurrentUser();
  useDocumentTitle(`${worker.data?.fullName ?? t('nav.workers')} · ${t('app.name')}`);

  const back = <Back to="/pekerja" label={t('workers.backToList')} />;
  if (!worker.isSuccess) {
    return (
      <WorkerLoadState worker={worker} back={back}>
        {() => null}
      </WorkerLoadState>
    );
  }
  const w = worker.data;
  const identity = reveal.data;
  const none = t('workers.none');
  // village operators of the worker's village and admins; auditors and BPJS officers only read
  const canEditFamily = hasPermission(me, 'workers.update') && w.canEdit;

  return (
    <Stack gap="lg" maw={1040}>
      {back}
      <PageHeader
        title={w.fullName}
        description={
          <Group gap="xs">
            <Text span size="sm" ff="monospace">
              {identity?.nik ?? w.nikMasked}
            </Text>
            <Text span size="sm">
              · {w.villageName}, {w.districtName}
            </Text>
            <LifeStatusBadge status={w.lifeStatus} />
            <WarningCountBadge count={w.warningCount} />
          </Group>
        }
        actions={
          w.canEdit && (
            <Button
              component={Link}
              to={`/pekerja/${encodeURIComponent(w.id)}/ubah`}
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              {t('workers.edit.button')}
            </Button>
          )
        }
      />
      <MergedNotice mergedInto={w.mergedInto} />
      <WorkerWarnings worker={w} />
      <WorkerLifeStatus worker={w} canEdit={canEditFamily} />
      <Section
        id="worker-identity"
        title={t('workers.section.identity')}
        facts={identityFacts(w, identity, t)}
        footer={w.canViewIdentity && <RevealIdentityButton reveal={reveal} />}
      />
      <Section
        id="worker-domicile"
        title={t('workers.section.domicile')}
        facts={[
          [t('workers.field.village'), `${w.villageName} (${w.villageCode})`],
          [t('workers.field.district'), w.districtName],
          [t('workers.field.regency'), w.regencyName],
          [t('workers.field.address'), w.address ?? none],
          [t('workers.field.dusun'), w.dusun ?? none],
          [t('workers.field.rtRw'), w.rt || w.rw ? `${w.rt ?? '–'} / ${w.rw ?? '–'}` : none],
          [t('workers.field.phone'), w.phone ?? none],
        ]}
      />
      <Section
        id="worker-work"
        title={t('workers.section.work')}
        facts={[
          [
            t('workers.field.occupation'),
            `${w.occupationCode} · ${occupationLabel(w.occupationCode, w.occupationName)}`,
          ],
          [
            t('workers.field.occupationClass'),
            t(`workers.occupationClass.${w.occupationClass}`, { defaultValue: w.occupationClass }),
          ],
          [t('workers.field.segment'), t(`workers.segment.${w.segment}`)],
          [t('workers.field.welfareDecile'), w.welfareDecile === null ? none : decileText(w, t)],
          [t('workers.field.declaredIncome'), formatRupiah(w.declaredIncome)],
        ]}
      />
      <Section
        id="worker-bpjs"
        title={t('workers.section.bpjs')}
        facts={[
          [
            t('workers.field.kpj'),
            <IdValue key="kpj" value={identity ? identity.kpj : w.kpjMasked} />,
          ],
          [t('workers.field.createdAt'), formatDateTime(w.createdAt)],
          [t('workers.field.updatedAt'), formatDateTime(w.updatedAt)],
        ]}
      />
      <WorkerFamily workerId={w.id} canEdit={canEditFamily} />
    </Stack>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function decileText(w: WorkerDetail, t: T): string {
  const parts = [
    w.decileSource === 'lainnya' ? t('workers.decileSource.lainnya') : w.decileSource,
    w.decileYear,
  ]
    .filter(Boolean)
    .join(' ');
  return parts ? `${w.welfareDecile} (${parts})` : String(w.welfareDecile);
}

function identityFacts(
  w: WorkerDetail,
  identity: { nik: string; kk: string | null; kpj: string | null } | undefined,
  t: T,
): Fact[] {
  const born = [w.birthPlace, formatDate(w.birthDate)].filter(Boolean).join(', ');
  const facts: Fact[] = [
    [
      t('workers.field.nik'),
      <IdValue key="nik" value={identity?.nik ?? w.nikMasked} testId="worker-nik" />,
    ],
    [t('workers.field.kk'), <IdValue key="kk" value={identity ? identity.kk : w.kkMasked} />],
    [t('workers.field.fullName'), w.fullName],
    [t('workers.field.born'), born],
    [t('workers.field.sex'), t(`workers.sex.${w.sex}`)],
  ];
  return facts;
}
