import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { type ResultImport, useUploadAnswer } from './bpjs-api.ts';

const ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** "Unggah jawaban BPJS": the batch file with the branch's four answer columns filled in. */
export function AnswerUpload({
  programId,
  onDone,
}: {
  programId: string;
  onDone: (result: ResultImport) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadAnswer(programId);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="bpjs-answer">
      <Stack gap="sm">
        <Group gap="xs">
          <IconUpload size={20} aria-hidden />
          <Title order={2} size="h4" id="bpjs-answer">
            {t('bpjs.answer.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('bpjs.answer.intro')}
        </Text>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('bpjs.answer.file')}
            placeholder={t('bpjs.answer.placeholder')}
            accept={ACCEPT}
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            clearable
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            fileInputProps={{ 'data-testid': 'bpjs-answer-file' } as React.ComponentProps<'input'>}
            miw={{ base: '100%', sm: 320 }}
          />
          <Button
            onClick={() =>
              file &&
              upload.mutate(file, {
                // the same file again would only report "unchanged": empty the field once applied
                onSuccess: (result) => {
                  setFile(null);
                  onDone(result);
                },
              })
            }
            disabled={!file}
            loading={upload.isPending}
            leftSection={<IconUpload size={18} aria-hidden />}
          >
            {t('bpjs.answer.upload')}
          </Button>
        </Group>
        {upload.isError && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle />}
            title={t('bpjs.answer.failed')}
            role="alert"
          >
            {upload.error.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
