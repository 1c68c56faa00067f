import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FileButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconFileUpload, IconSend } from '@tabler/icons-react';
import { niksFromText } from './nik-list.ts';

/** NIKs typed, pasted from a spreadsheet, or read from a .txt/.csv file. */
export function NikPaste({
  pending,
  onPropose,
}: {
  pending: boolean;
  onPropose: (niks: string[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { niks, ignored } = niksFromText(text);
  const readFile = async (file: File | null) => {
    if (!file) return;
    const content = await file.text();
    setText((prev) => (prev.trim() ? `${prev.trim()}\n${content}` : content));
  };
  return (
    <Stack gap="sm">
      <Textarea
        label={t('enrollment.paste.label')}
        description={t('enrollment.paste.hint')}
        placeholder={'1508014107850001\n1508011003550002'}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={4}
        maxRows={12}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        data-testid="nik-paste"
      />
      <Group justify="space-between" gap="xs">
        <Stack gap={0}>
          <Text size="sm">{t('enrollment.paste.count', { count: niks.length })}</Text>
          {ignored.length > 0 && (
            <Text size="xs" c="orange.8">
              {t('enrollment.paste.ignored', {
                count: ignored.length,
                sample: ignored.slice(0, 3).join(', '),
              })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <FileButton onChange={(f) => void readFile(f)} accept=".txt,.csv,text/plain,text/csv">
            {(props) => (
              <Button
                {...props}
                variant="default"
                size="xs"
                leftSection={<IconFileUpload size={14} aria-hidden />}
              >
                {t('enrollment.paste.file')}
              </Button>
            )}
          </FileButton>
          <Button
            size="xs"
            leftSection={<IconSend size={14} aria-hidden />}
            disabled={niks.length === 0}
            loading={pending}
            onClick={() => onPropose(niks)}
            data-testid="propose-niks"
          >
            {niks.length === 0
              ? t('enrollment.paste.proposeNone')
              : t('enrollment.paste.propose', { count: niks.length })}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
