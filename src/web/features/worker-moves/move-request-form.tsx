import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import type { MoveRequest } from '../../../core/modules/workers/move-requests.schema.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { RegionPicker } from '../regions/region-picker.tsx';
import { useRegion } from '../regions/regions-api.ts';
import { NikField } from '../workers/nik-field.tsx';
import { useNikCheck } from '../workers/use-nik-check.ts';
import { issueFor, useRequestMove } from './moves-api.ts';

const FIELDS = ['nik', 'toVillage', 'reason'] as const;
type Field = (typeof FIELDS)[number];
const VILLAGE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/**
 * The receiving village asks for a worker registered elsewhere: NIK and reason. The village is
 * the operator's own; a user working in a wider area picks it.
 */
export function MoveRequestForm() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const own = me.scope.length === 1 && VILLAGE.test(me.scope[0]!) ? me.scope[0]! : null;
  const ownRegion = useRegion(own ?? undefined);
  const [nik, setNik] = useState('');
  const [reason, setReason] = useState('');
  const [toVillage, setToVillage] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [sent, setSent] = useState<MoveRequest | null>(null);
  const nikState = useNikCheck(nik, {});
  const request = useRequestMove();
  const refused = issueFor(request.error, FIELDS);
  const shown = (f: Field) => errors[f] ?? (refused?.field === f ? refused.message : undefined);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!nikState.nik) next.nik = t('moves.form.nikRequired');
    else if (nikState.error) next.nik = nikState.error;
    if (!own && !toVillage) next.toVillage = t('moves.form.toVillageRequired');
    if (reason.trim().length < 5) next.reason = t('moves.form.reasonRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setSent(null);
    request.mutate(
      { nik: nikState.nik, reason: reason.trim(), ...(own ? {} : { toVillage }) },
      {
        onSuccess: (r) => {
          setSent(r);
          setNik('');
          setReason('');
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="move-request-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="move-request-title">
          {t('moves.form.title')}
        </Title>
        <List size="sm" type="ordered" spacing={2}>
          <List.Item>{t('moves.form.step1')}</List.Item>
          <List.Item>{t('moves.form.step2')}</List.Item>
          <List.Item>{t('moves.form.step3')}</List.Item>
        </List>
        <form onSubmit={onSubmit} noValidate data-testid="move-request-form">
          <Stack gap="sm" maw={560}>
            {own ? (
              <Text size="sm">
                {t('moves.form.toOwn', {
                  village: ownRegion.data ? `${ownRegion.data.name} (${own})` : own,
                })}
              </Text>
            ) : (
              <RegionPicker
                label={t('moves.form.toVillage')}
                level="village"
                value={toVillage ? [toVillage] : []}
                onChange={(codes) => setToVillage(codes[0] ?? '')}
                error={shown('toVillage')}
                required
              />
            )}
            <NikField
              value={nik}
              onChange={(v) => {
                setNik(v);
                setErrors((e) => ({ ...e, nik: undefined }));
                request.reset();
              }}
              state={nikState}
              error={shown('nik')}
              description={t('moves.form.nikHint')}
              required
            />
            <Textarea
              label={t('moves.form.reason')}
              description={t('moves.form.reasonHint')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setErrors((x) => ({ ...x, reason: undefined }));
              }}
              error={shown('reason')}
              required
              autosize
              minRows={2}
              maxLength={500}
              data-testid="move-reason"
            />
            {request.error && !refused && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert">
                {request.error.message}
              </Alert>
            )}
            <Group>
              <Button
                type="submit"
                loading={request.isPending}
                leftSection={<IconSend size={16} aria-hidden />}
              >
                {t('moves.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
        {sent && (
          <Alert
            color="teal"
            icon={<IconCircleCheck />}
            title={t('moves.form.sentTitle')}
            role="status"
            data-testid="move-sent"
          >
            {t('moves.form.sent', { nik: sent.nikMasked, village: sent.toVillageName })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
