import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconFileImport, IconUpload } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format.ts';
import { useImportAllocations } from './programs-api.ts';

/**
 * Seats per village from an Excel or CSV file (columns kode_desa and kursi). Good rows are
 * applied; every other row is listed with its line and reason, so the file can be corrected.
 */
export function AllocationImport({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportAllocations(programId);
  const result = upload.data;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="seat-import">
      <Stack gap="sm">
        <Title order={3} size="h5" id="seat-import">
          {t('programs.import.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('programs.import.hint')}
        </Text>
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('programs.import.file')}
            placeholder={t('programs.import.placeholder')}
            accept=".xlsx,.csv"
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconFileImport size={16} aria-hidden />}
            style={{ flex: '1 1 16rem' }}
          />
          <Button
            onClick={() => file && upload.mutate(file)}
            disabled={!file}
            loading={upload.isPending}
            leftSection={<IconUpload size={18} aria-hidden />}
          >
            {t('programs.import.submit')}
          </Button>
        </Group>
        {upload.error && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {upload.error.message}
          </Alert>
        )}
        {result && (
          <Alert
            color={result.errors.length > 0 ? 'orange' : 'teal'}
            variant="light"
            role="status"
            data-testid="seat-import-result"
          >
            {t('programs.import.result', {
              rows: formatNumber(result.rows),
              applied: formatNumber(result.applied),
              refused: formatNumber(result.errors.length),
              seats: formatNumber(result.seats),
              villages: formatNumber(result.villages),
            })}
          </Alert>
        )}
        {result && result.errors.length > 0 && (
          <Table.ScrollContainer minWidth={420} type="native">
            <Table verticalSpacing={4} aria-label={t('programs.import.refusedRows')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={70}>
                    {t('programs.import.line')}
                  </Table.Th>
                  <Table.Th scope="col" w={150}>
                    {t('programs.import.code')}
                  </Table.Th>
                  <Table.Th scope="col">{t('programs.import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.map((e) => (
                  <Table.Tr key={e.line}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td ff="monospace">{e.villageCode ?? '–'}</Table.Td>
                    <Table.Td>{e.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
