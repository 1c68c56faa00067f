import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Loader, Modal, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconPlayerStop, IconX } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format.ts';
import { StatusBadge } from './import-parts.tsx';
import {
  elapsedSeconds,
  formatElapsed,
  formatSize,
  progressTerms,
  statusMessage,
  uploadPercent,
} from './import-status.ts';
import {
  type ImportMode,
  type ImportSummary,
  type UploadProgress,
  useImportAction,
} from './imports-api.ts';

/** The file on its way to the server, then the wait for the server's first answer. */
export function UploadPanel({
  mode,
  progress,
  onStop,
}: {
  mode: ImportMode;
  progress: UploadProgress | null;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const percent = progress ? uploadPercent(progress.loaded, progress.total) : 0;
  const sent = progress !== null && progress.loaded >= progress.total;
  return (
    <Paper withBorder radius="md" p="md" data-testid="import-busy">
      <Stack gap="xs">
        <Group gap="sm" role="status" aria-live="polite">
          <Loader size="sm" />
          <Text fw={600}>
            {sent ? t(`imports.upload.waiting.${mode}`) : t('imports.upload.title')}
          </Text>
        </Group>
        <Progress
          value={sent ? 100 : percent}
          striped={sent}
          animated={sent}
          size="lg"
          aria-label={t('imports.upload.title')}
        />
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {progress && !sent
              ? t('imports.upload.sent', {
                  percent,
                  done: formatSize(progress.loaded),
                  total: formatSize(progress.total),
                })
              : t('imports.workingHint')}
          </Text>
          {!sent && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={onStop}
            >
              {t('imports.upload.stop')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Re-renders every second while `on` (the elapsed time of a running job). */
function useNow(on: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

/**
 * A job whose file is being stored, queued or running: percent of the file stored, then read, the
 * line reached, the counts so far.
 */
export function JobProgress({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const now = useNow(true);
  const [confirming, setConfirming] = useState(false);
  const cancel = useImportAction(summary.id, 'cancel');
  const { counts, progress, mode } = summary;
  const message = statusMessage(summary);
  const storing = summary.status === 'uploading';
  const line = storing
    ? [
        t('imports.progress.storing', {
          done: formatSize(progress.bytesDone),
          total: formatSize(progress.bytesTotal),
        }),
      ]
    : [
        progress.linesDone > 0
          ? t('imports.progress.line', { line: formatNumber(progress.linesDone) })
          : t('imports.progress.starting'),
        ...progressTerms(counts).map((k) =>
          t(`imports.sum.${mode}.${k}`, { n: formatNumber(counts[k]) }),
        ),
      ];

  return (
    <Paper withBorder radius="md" p="md" component="section" data-testid="import-progress">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="sm">
            <Loader size="sm" />
            <Text fw={600}>{t(`imports.progress.title.${mode}`)}</Text>
            <StatusBadge status={summary.status} />
          </Group>
          <Text size="sm" c="dimmed" data-testid="import-elapsed">
            {t('imports.progress.elapsed', { time: formatElapsed(elapsedSeconds(summary, now)) })}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Progress
            value={progress.percent}
            size="xl"
            radius="sm"
            style={{ flex: 1 }}
            aria-label={t(`imports.progress.title.${mode}`)}
            animated={summary.status === 'running' || storing}
            striped={summary.status === 'running' || storing}
          />
          <Text fw={700} miw={44} ta="right" data-testid="import-percent">
            {progress.percent} %
          </Text>
        </Group>
        <Text size="sm" fw={500} data-testid="import-progress-line">
          {line.map((term, i) => (
            <Fragment key={i}>
              {i > 0 && ' · '}
              {/* a number stays beside its word on a narrow screen */}
              <span style={{ whiteSpace: 'nowrap' }}>{term}</span>
            </Fragment>
          ))}
        </Text>
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {t(message.key, message.values)}
        </Text>
        {cancel.error && !confirming && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {cancel.error.message}
          </Alert>
        )}
        <Group>
          <Button
            variant="light"
            color="red"
            leftSection={<IconPlayerStop size={18} aria-hidden />}
            disabled={summary.cancelRequested}
            onClick={() => {
              cancel.reset();
              setConfirming(true);
            }}
            data-testid="import-cancel"
          >
            {t('imports.cancel.button')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('imports.cancel.title')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">{t(`imports.cancel.text.${storing ? 'uploading' : mode}`)}</Text>
          {cancel.error && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {cancel.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('imports.cancel.keep')}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}
              data-testid="import-cancel-confirm"
            >
              {t('imports.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
