import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconDownload,
  IconList,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { formatNumber } from '../../lib/format.ts';
import { TableSkeleton } from '../../ui/table-skeleton.tsx';
import { CommitBar } from './commit-bar.tsx';
import { StatusBadge, StepTitle } from './import-parts.tsx';
import { JobProgress } from './import-progress.tsx';
import { canResume, isActive, statusMessage } from './import-status.ts';
import { ImportSummaryView } from './import-summary.tsx';
import { type ImportSummary, rejectedUrl, useImportAction } from './imports-api.ts';

interface JobViewProps {
  job: UseQueryResult<ImportSummary>;
  /** The previewed file is chosen in step 1: a preview whose kept file is gone can be saved. */
  canCommit: boolean;
  onCommit: (summary: ImportSummary) => void;
  /** Opens another import on the page (the one that saved the preview). */
  onOpen: (id: string) => void;
}

/** The import opened on the page (?id=): its progress while it runs, then its result. */
export function ImportJobView({ job, canCommit, onCommit, onOpen }: JobViewProps) {
  const { t } = useTranslation();
  if (job.isPending) return <TableSkeleton rows={4} />;
  if (job.isError) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title={t('errors.loadFailed')} role="alert">
        {job.error.message}
      </Alert>
    );
  }
  const summary = job.data;
  if (isActive(summary.status)) return <JobProgress summary={summary} />;
  if (summary.status === 'done' && summary.mode === 'preview') {
    return (
      <Section id="import-step-preview" n={2} title={t('imports.step.preview')}>
        <ImportSummaryView summary={summary} />
        <CommitBar
          summary={summary}
          canCommit={canCommit}
          onCommit={() => onCommit(summary)}
          onSaved={onOpen}
        />
      </Section>
    );
  }
  if (summary.status === 'done') {
    return (
      <Section id="import-step-saved" n={3} title={t('imports.step.saved')} done>
        <ImportSummaryView summary={summary} />
        <SavedActions summary={summary} />
      </Section>
    );
  }
  return (
    <Section
      id="import-step-stopped"
      n={summary.mode === 'preview' ? 2 : 3}
      title={t(`imports.stopped.${summary.mode}`)}
    >
      <Stopped summary={summary} />
      {summary.counts.total > 0 && <ImportSummaryView summary={summary} />}
      {summary.mode === 'commit' && summary.counts.total > 0 && <SavedActions summary={summary} />}
    </Section>
  );
}

function Section(props: {
  id: string;
  n: number;
  title: string;
  done?: boolean;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={props.id}>
      <Stack gap="md">
        <StepTitle id={props.id} n={props.n} title={props.title} done={props.done} />
        {props.children}
      </Stack>
    </Paper>
  );
}

/** Cancelled, failed or interrupted: how far it got, and a way to continue where that helps. */
function Stopped({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const resume = useImportAction(summary.id, 'resume');
  const message = statusMessage(summary);
  const values = { ...message.values, error: message.values.error || t('errors.server') };
  return (
    <Alert
      color={
        summary.status === 'failed' ? 'red' : summary.status === 'cancelled' ? 'orange' : 'yellow'
      }
      variant="light"
      icon={<IconAlertTriangle />}
      title={<StatusBadge status={summary.status} />}
      data-testid="import-stopped"
    >
      <Stack gap="sm">
        <Text size="sm">{t(message.key, values)}</Text>
        {resume.error && (
          <Text size="sm" c="red.8" role="alert">
            {resume.error.message}
          </Text>
        )}
        {canResume(summary.status) && (
          <Group>
            <Button
              leftSection={<IconPlayerPlay size={18} aria-hidden />}
              loading={resume.isPending}
              onClick={() => resume.mutate()}
              data-testid="import-resume"
            >
              {t('imports.resume')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function SavedActions({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const rejected = summary.counts.rejected;
  return (
    <>
      <Group gap="sm">
        <Button
          component={Link}
          to="/pekerja"
          leftSection={<IconList size={18} aria-hidden />}
          data-testid="import-to-list"
        >
          {t('imports.toList')}
        </Button>
        {rejected > 0 && (
          <Button
            component="a"
            href={rejectedUrl(summary.id)}
            download
            variant="light"
            color="red"
            leftSection={<IconDownload size={18} aria-hidden />}
            data-testid="import-rejected"
          >
            {t('imports.rejectedDownload', { n: formatNumber(rejected) })}
          </Button>
        )}
      </Group>
      {rejected > 0 && (
        <Text size="sm" c="dimmed">
          {t('imports.rejectedHint')}
        </Text>
      )}
    </>
  );
}
