import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Box, Button, FileInput, Group, Paper, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconAlertCircle,
  IconDownload,
  IconEye,
  IconFileSpreadsheet,
  IconList,
  IconRefresh,
} from '@tabler/icons-react';
import { formatNumber } from '../../lib/format.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { RegionPicker } from '../regions/region-picker.tsx';
import { Back } from '../workers/worker-load-state.tsx';
import { ImportSummaryView } from './import-summary.tsx';
import { TEMPLATE_URL, rejectedUrl, useImportWorkers } from './imports-api.ts';

import { CommitBar, OwnVillage, StepTitle, Working } from './import-parts.tsx';
const ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** /pekerja/impor: a Jaring, OpenSID or NIK + name file, previewed with exact counts, then saved. */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('imports.title')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const ownVillage = me.role === 'village_operator' ? (me.scope[0] ?? '') : '';
  const [file, setFile] = useState<File | null>(null);
  const [village, setVillage] = useState(ownVillage);
  const preview = useImportWorkers();
  const commit = useImportWorkers();

  const reset = () => {
    preview.reset();
    commit.reset();
  };
  const run = (mode: 'preview' | 'commit') => {
    if (!file) return;
    const request = { file, mode, village: village || undefined };
    if (mode === 'preview') {
      commit.reset();
      preview.mutate(request);
    } else commit.mutate(request);
  };

  const busy = preview.isPending || commit.isPending;
  const error = commit.error ?? preview.error;
  const previewed = preview.data;
  const saved = commit.data;

  return (
    <Stack gap="lg" maw={1100}>
      <Back to="/pekerja" label={t('workers.backToList')} />
      <PageHeader title={t('imports.title')} description={t('imports.intro')} />

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="import-step-file">
        <Stack gap="md">
          <StepTitle id="import-step-file" n={1} title={t('imports.step.file')} />
          <Group align="flex-start" gap="md" grow preventGrowOverflow={false}>
            <FileInput
              label={t('imports.file.label')}
              description={t('imports.file.description')}
              placeholder={t('imports.file.placeholder')}
              accept={ACCEPT}
              value={file}
              onChange={(f) => {
                setFile(f);
                reset();
              }}
              clearable
              disabled={busy}
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              fileInputProps={{ 'data-testid': 'import-file' } as React.ComponentProps<'input'>}
              miw={260}
            />
            <Box miw={260}>
              {ownVillage ? (
                <OwnVillage code={ownVillage} />
              ) : (
                <RegionPicker
                  label={t('imports.village.label')}
                  description={t('imports.village.description')}
                  level="village"
                  value={village ? [village] : []}
                  onChange={(codes) => {
                    setVillage(codes[0] ?? '');
                    reset();
                  }}
                  clearable
                />
              )}
            </Box>
          </Group>
          <Group justify="space-between" gap="sm">
            <Anchor href={TEMPLATE_URL} download size="sm">
              <Group gap={4} component="span" wrap="nowrap">
                <IconDownload size={16} aria-hidden />
                {t('imports.template')}
              </Group>
            </Anchor>
            <Button
              onClick={() => run('preview')}
              disabled={!file || commit.isPending}
              loading={preview.isPending}
              variant={previewed ? 'default' : 'filled'}
              leftSection={previewed ? <IconRefresh size={18} /> : <IconEye size={18} />}
              data-testid="import-preview"
            >
              {previewed ? t('imports.previewAgain') : t('imports.preview')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {busy && <Working label={t(preview.isPending ? 'imports.checking' : 'imports.saving')} />}

      {error && !busy && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle />}
          title={t(commit.error ? 'imports.error.commit' : 'imports.error.preview')}
          role="alert"
          data-testid="import-error"
        >
          {error.message}
        </Alert>
      )}

      {previewed && !saved && !busy && (
        <Paper
          withBorder
          radius="md"
          p="md"
          component="section"
          aria-labelledby="import-step-preview"
        >
          <Stack gap="md">
            <StepTitle id="import-step-preview" n={2} title={t('imports.step.preview')} />
            <ImportSummaryView summary={previewed} />
            <CommitBar summary={previewed} onCommit={() => run('commit')} />
          </Stack>
        </Paper>
      )}

      {saved && !busy && (
        <Paper
          withBorder
          radius="md"
          p="md"
          component="section"
          aria-labelledby="import-step-saved"
        >
          <Stack gap="md">
            <StepTitle id="import-step-saved" n={3} title={t('imports.step.saved')} done />
            <ImportSummaryView summary={saved} />
            <Group gap="sm">
              <Button
                component={Link}
                to="/pekerja"
                leftSection={<IconList size={18} aria-hidden />}
                data-testid="import-to-list"
              >
                {t('imports.toList')}
              </Button>
              {saved.counts.rejected > 0 && (
                <Button
                  component="a"
                  href={rejectedUrl(saved.id)}
                  download
                  variant="light"
                  color="red"
                  leftSection={<IconDownload size={18} aria-hidden />}
                  data-testid="import-rejected"
                >
                  {t('imports.rejectedDownload', { n: formatNumber(saved.counts.rejected) })}
                </Button>
              )}
            </Group>
            {saved.counts.rejected > 0 && (
              <Text size="sm" c="dimmed">
                {t('imports.rejectedHint')}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
