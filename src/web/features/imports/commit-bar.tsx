import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDeviceFloppy, IconExternalLink } from '@tabler/icons-react';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { isActive } from './import-status.ts';
import { type ImportSummary, useCommitPreview, useImport } from './imports-api.ts';

interface CommitBarProps {
  summary: ImportSummary;
  /** The previewed file is chosen again in step 1 (needed only once the kept file is gone). */
  canCommit: boolean;
  /** Saves by uploading the chosen file again (the kept file is gone). */
  onCommit: () => void;
  /** Opens the import that saved the preview (its progress, then its result). */
  onSaved: (id: string) => void;
}

/**
 * Under a finished preview: save it from the file the server kept (also when it is opened again
 * from "Impor terakhir"); once that file is gone, choose the file again; once saved, where to.
 */
export function CommitBar({ summary, canCommit, onCommit, onSaved }: CommitBarProps) {
  const { t } = useTranslation();
  const save = useCommitPreview(summary.id);
  if (summary.commitId) return <SavedAs commitId={summary.commitId} />;
  const { created, updated } = summary.counts;
  const writes = created + updated;
  const kept = summary.fileKeptUntil;
  return (
    <Alert color={writes > 0 ? 'blue' : 'gray'} variant="light" title={t('imports.notSavedYet')}>
      <Stack gap="sm">
        <Text size="sm">
          {writes > 0
            ? t('imports.commitHint', {
                writes: [
                  created > 0 && t('imports.commitCreated', { n: formatNumber(created) }),
                  updated > 0 && t('imports.commitUpdated', { n: formatNumber(updated) }),
                ]
                  .filter(Boolean)
                  .join(t('imports.and')),
              })
            : t('imports.nothingToWrite')}
        </Text>
        {kept ? (
          <Text size="sm" c="dimmed" data-testid="import-file-kept">
            {t('imports.fileKept', { date: formatDateTime(kept) })}
          </Text>
        ) : (
          !canCommit && (
            <Stack gap={2} data-testid="import-file-expired">
              <Text size="sm" fw={600}>
                {t('imports.fileExpired')}
              </Text>
              <Text size="sm">{t('imports.fileExpiredHint', { name: summary.fileName })}</Text>
            </Stack>
          )
        )}
        {save.error && (
          <Text size="sm" c="red.8" role="alert">
            {save.error.message}
          </Text>
        )}
        <Group>
          <Button
            onClick={
              kept ? () => save.mutate(undefined, { onSuccess: (s) => onSaved(s.id) }) : onCommit
            }
            disabled={!kept && !canCommit}
            loading={save.isPending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
            data-testid="import-commit"
          >
            {kept ? t('imports.commitStored') : t('imports.commit')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * A preview already saved: offered once, so a link to the saving import instead of a button, with
 * how that import stands (it may still run, or have been cancelled).
 */
function SavedAs({ commitId }: { commitId: string }) {
  const { t } = useTranslation();
  const status = useImport(commitId).data?.status;
  const state = !status || status === 'done' ? 'done' : isActive(status) ? 'active' : 'stopped';
  return (
    <Alert
      color={state === 'stopped' ? 'yellow' : 'teal'}
      variant="light"
      icon={<IconCircleCheck />}
      title={t(`imports.savedAs.title.${state}`)}
      data-testid="import-saved-as"
    >
      <Stack gap="sm">
        <Text size="sm">{t('imports.savedAs.text')}</Text>
        <Group>
          <Button
            component={Link}
            to={`/pekerja/impor?id=${encodeURIComponent(commitId)}`}
            variant="light"
            color="teal"
            leftSection={<IconExternalLink size={18} aria-hidden />}
            data-testid="import-open-commit"
          >
            {t('imports.savedAs.open')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
