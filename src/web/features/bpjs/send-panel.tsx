import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconDownload, IconSend } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format.ts';
import { type ExchangeFormat, useExportBatch } from './bpjs-api.ts';

/**
 * "Kirim ke BPJS": how many approved workers wait, and the download that puts them in a batch.
 * The download changes their status, so it asks first.
 */
export function SendPanel({ programId, ready }: { programId: string; ready: number }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExchangeFormat>('xlsx');
  const [asking, setAsking] = useState(false);
  const send = useExportBatch(programId);

  const confirm = () => {
    setAsking(false);
    send.mutate(format);
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="bpjs-send">
      <Stack gap="sm">
        <Group gap="xs">
          <IconSend size={20} aria-hidden />
          <Title order={2} size="h4" id="bpjs-send">
            {t('bpjs.send.title')}
          </Title>
        </Group>
        <Text size="sm" data-testid="bpjs-ready">
          {ready > 0
            ? t('bpjs.send.ready', { count: ready, n: formatNumber(ready) })
            : t('bpjs.send.none')}
        </Text>
        <Group gap="sm" align="flex-end">
          <SegmentedControl
            aria-label={t('bpjs.send.format')}
            value={format}
            onChange={(v) => setFormat(v)}
            data={[
              { value: 'xlsx', label: 'Excel (XLSX)' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
          <Button
            leftSection={<IconDownload size={18} aria-hidden />}
            disabled={ready === 0}
            loading={send.isPending}
            onClick={() => setAsking(true)}
          >
            {t('bpjs.send.download')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('bpjs.send.layout')}
        </Text>
        {send.isSuccess && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck />} role="status">
            {t('bpjs.send.done', { file: send.data })}
          </Alert>
        )}
        {send.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {send.error.message}
          </Alert>
        )}
      </Stack>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('bpjs.send.confirmTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {t('bpjs.send.confirmText', { count: ready, n: formatNumber(ready) })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} data-testid="bpjs-send-confirm">
              {t('bpjs.send.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
