import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconClipboardList, IconListCheck } from '@tabler/icons-react';
import type { ProposeEnrollmentsResponse } from '../../../core/modules/enrollment/enrollment.schema.ts';
import { CandidatePicker } from './candidate-picker.tsx';
import { usePropose } from './enrollment-api.ts';
import { NikPaste } from './nik-paste.tsx';
import { ProposalResults } from './proposal-results.tsx';

/**
 * "Usulkan peserta": tick suggestions in priority order, or paste/upload NIKs; then the result
 * of every NIK, refused ones with their reasons.
 */
export function ProposePanel({ programId, remaining }: { programId: string; remaining: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const propose = usePropose(programId);
  const [tab, setTab] = useState<string | null>('suggest');
  const [results, setResults] = useState<ProposeEnrollmentsResponse | null>(null);
  // a new key after each proposal empties the NIK box (the same list twice is never meant)
  const [round, setRound] = useState(0);
  const send = (body: { niks: string[] } | { workerIds: string[] }) =>
    propose.mutate(body, {
      onSuccess: (res) => {
        setResults(res);
        setRound((r) => r + 1);
      },
    });

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {t('enrollment.propose.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('enrollment.propose.intro')}
          </Text>
        </Stack>
        {results && <ProposalResults response={results} onClose={() => setResults(null)} />}
        {propose.error && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {propose.error.message}
          </Alert>
        )}
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="suggest" leftSection={<IconListCheck size={16} aria-hidden />}>
              {t('enrollment.propose.suggestTab')}
            </Tabs.Tab>
            <Tabs.Tab value="paste" leftSection={<IconClipboardList size={16} aria-hidden />}>
              {t('enrollment.propose.pasteTab')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="suggest" pt="sm">
            <CandidatePicker
              programId={programId}
              remaining={remaining}
              pending={propose.isPending}
              onPropose={(workerIds) => send({ workerIds })}
            />
          </Tabs.Panel>
          <Tabs.Panel value="paste" pt="sm">
            <NikPaste
              key={round}
              pending={propose.isPending}
              onPropose={(niks) => send({ niks })}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
