import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { FactList } from '../../ui/fact-list.tsx';
import { PrivacySettingsInput } from '../../../core/modules/settings/settings.schema.ts';
import { fieldErrorsFromIssues } from '../../lib/field-errors.ts';
import { formErrors } from '../users/form-errors.ts';
import { useSavePrivacySettings } from './settings-api.ts';
import type { PrivacySettings } from './settings-types.ts';

const FIELDS = ['lawfulBasis', 'retentionMonths'] as const;
type Field = (typeof FIELDS)[number];

/** Shows the saved basis; people with settings.update may change it. */
export function PrivacySettingsForm({
  settings,
  canEdit,
}: {
  settings: PrivacySettings;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [lawfulBasis, setLawfulBasis] = useState(settings.lawfulBasis);
  const [retention, setRetention] = useState<number | string>(settings.retentionMonths);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const save = useSavePrivacySettings();
  const server = formErrors(save.error, FIELDS);
  const errors = { ...server.byField, ...clientErrors };
  const dirty =
    lawfulBasis.trim() !== settings.lawfulBasis || Number(retention) !== settings.retentionMonths;

  const updated =
    settings.updatedAt !== null
      ? t('settings.privacy.updated', {
          at: formatDateTime(settings.updatedAt),
          by: settings.updatedBy ?? '—',
        })
      : t('settings.privacy.neverUpdated');

  if (!canEdit) {
    return (
      <Stack gap="sm">
        <FactList
          cols={2}
          facts={[
            [t('settings.privacy.lawfulBasis'), settings.lawfulBasis || '—'],
            [
              t('settings.privacy.retention'),
              t('settings.privacy.months', {
                count: settings.retentionMonths,
                n: formatNumber(settings.retentionMonths),
              }),
            ],
          ]}
        />
        <Text size="xs" c="dimmed">
          {updated}
        </Text>
        <Text size="xs" c="dimmed">
          {t('settings.privacy.readOnly')}
        </Text>
      </Stack>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = PrivacySettingsInput.safeParse({ lawfulBasis, retentionMonths: retention });
    if (!parsed.success) {
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues, FIELDS));
      return;
    }
    setClientErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('settings.privacy.saved') }),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {server.general && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {server.general.message}
          </Alert>
        )}
        <Textarea
          label={t('settings.privacy.lawfulBasis')}
          description={t('settings.privacy.lawfulBasisHint')}
          value={lawfulBasis}
          onChange={(e) => {
            setLawfulBasis(e.currentTarget.value);
            setClientErrors((p) => ({ ...p, lawfulBasis: undefined }));
          }}
          error={errors.lawfulBasis}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          required
        />
        <NumberInput
          label={t('settings.privacy.retention')}
          description={t('settings.privacy.retentionHint')}
          value={retention}
          onChange={(v) => {
            setRetention(v);
            setClientErrors((p) => ({ ...p, retentionMonths: undefined }));
          }}
          error={errors.retentionMonths}
          min={12}
          max={600}
          allowDecimal={false}
          allowNegative={false}
          suffix={` ${t('settings.privacy.monthsSuffix')}`}
          w={220}
          required
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {updated}
          </Text>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
