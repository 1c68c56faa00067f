import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Box, Button, FileInput, Group, Paper, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconAlertCircle,
  IconDownload,
  IconEye,
  IconFileSpreadsheet,
  IconRefresh,
} from '@tabler/icons-react';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCurrentUser } from '../auth/current-user.ts';
import { RegionPicker } from '../regions/region-picker.tsx';
import { Back } from '../workers/worker-load-state.tsx';
import { ImportJobView } from './import-job-view.tsx';
import { OwnVillage, StepTitle } from './import-parts.tsx';
import { UploadPanel } from './import-progress.tsx';
import {
  type ImportMode,
  type ImportSummary,
  TEMPLATE_URL,
  type UploadProgress,
  useImport,
  useUploadImport,
} from './imports-api.ts';
import { RecentImports } from './recent-imports.tsx';

const ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * /pekerja/impor: a Jaring, OpenSID or NIK + name file, uploaded (with its progress), previewed
 * with exact counts, then saved from the file the server kept (also later, from "Impor
 * terakhir"; once that file is gone, by choosing the file again). Both run as background jobs on
 * the server; the one opened on the page is in the address (?id=).
 */
export function ImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('imports.title')} · ${t('app.name')}`);
  const me = useCurrentUser();
  const ownVillage = me.role === 'village_operator' ? (me.scope[0] ?? '') : '';
  const [file, setFile] = useState<File | null>(null);
  const [village, setVillage] = useState(ownVillage);
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ?? '';
  const job = useImport(id);
  const upload = useUploadImport();
  const [uploadMode, setUploadMode] = useState<ImportMode>('preview');
  const [sent, setSent] = useState<UploadProgress | null>(null);
  const stopUpload = useRef<AbortController | null>(null);
  const jobRef = useRef<HTMLDivElement>(null);

  // an import opened from the list below the panel: bring the panel into view
  useEffect(() => {
    const box = jobRef.current;
    if (id && box && box.getBoundingClientRect().top < 0) box.scrollIntoView({ block: 'start' });
  }, [id]);

  const close = () => {
    upload.reset();
    if (id) setParams({}, { replace: true });
  };
  const run = (mode: ImportMode, villageCode = village) => {
    if (!file) return;
    // a new preview replaces the one on the page; a commit keeps it until it is answered
    if (mode === 'preview') close();
    const controller = new AbortController();
    stopUpload.current = controller;
    setUploadMode(mode);
    setSent(null);
    upload.mutate(
      {
        request: { file, mode, village: villageCode || undefined },
        onProgress: setSent,
        signal: controller.signal,
      },
      { onSuccess: (summary) => setParams({ id: summary.id }) },
    );
  };

  const shown = job.data;
  const uploading = upload.isPending;
  const previewed = shown?.mode === 'preview' && shown.status === 'done';
  const error = upload.error instanceof DOMException ? null : upload.error;

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
                // choosing again the file of the preview on the page keeps it (to save it)
                if (!(f && shown?.mode === 'preview' && f.name === shown.fileName)) close();
              }}
              clearable
              disabled={uploading}
              leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
              fileInputProps={{ 'data-testid': 'import-file' } as React.ComponentProps<'input'>}
              miw={{ base: '100%', sm: 260 }}
            />
            <Box miw={{ base: '100%', sm: 260 }}>
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
                    close();
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
              disabled={!file || (uploading && uploadMode === 'commit')}
              loading={uploading && uploadMode === 'preview'}
              variant={previewed ? 'default' : 'filled'}
              leftSection={previewed ? <IconRefresh size={18} /> : <IconEye size={18} />}
              data-testid="import-preview"
            >
              {previewed ? t('imports.previewAgain') : t('imports.preview')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Box ref={jobRef} style={{ scrollMarginTop: 80 }}>
        {uploading ? (
          <UploadPanel
            mode={uploadMode}
            progress={sent}
            onStop={() => stopUpload.current?.abort()}
          />
        ) : (
          <Stack gap="lg">
            {error && (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlertCircle />}
                title={t(`imports.error.${uploadMode}`)}
                role="alert"
                data-testid="import-error"
              >
                {error.message}
              </Alert>
            )}
            {id && (
              <ImportJobView
                job={job}
                canCommit={!!file && file.name === shown?.fileName}
                onCommit={(preview: ImportSummary) => run('commit', preview.villageCode ?? '')}
                onOpen={(next) => setParams({ id: next })}
              />
            )}
          </Stack>
        )}
      </Box>

      <RecentImports openId={id} />
    </Stack>
  );
}
