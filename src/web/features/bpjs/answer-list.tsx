import { useTranslation } from 'react-i18next';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { ResultImportSummary } from '../../../core/modules/bpjs/bpjs.schema.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { notAppliedCount } from './bpjs-labels.ts';

/** "Jawaban yang sudah diunggah": each answer with its counts, opened on the page. */
export function AnswerList({
  imports,
  openId,
  onOpen,
}: {
  imports: ResultImportSummary[];
  openId: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (imports.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="bpjs-answers">
      <Stack gap="sm">
        <Group gap="xs">
          <IconHistory size={20} aria-hidden />
          <Title order={2} size="h4" id="bpjs-answers">
            {t('bpjs.answers.title')}
          </Title>
        </Group>
        {imports.map((r) => {
          const c = r.counts;
          const applied = c.accepted + c.rejected + c.unchanged;
          return (
            <Group
              key={r.id}
              justify="space-between"
              gap="sm"
              wrap="wrap"
              data-testid="bpjs-answer-item"
              p="xs"
              bg={r.id === openId ? 'var(--mantine-color-blue-0)' : undefined}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            >
              <Stack gap={0} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {r.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('bpjs.result.by', { who: r.createdBy, at: formatDateTime(r.createdAt) })}
                </Text>
                <Text size="xs">
                  {t('bpjs.answers.counts', {
                    total: formatNumber(c.total),
                    applied: formatNumber(applied),
                    notApplied: formatNumber(notAppliedCount(c)),
                  })}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant={r.id === openId ? 'filled' : 'light'}
                onClick={() => onOpen(r.id)}
              >
                {t('bpjs.answers.open')}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
