import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconTrash } from '@tabler/icons-react';
import {
  SetLocalTermInput,
  type RegionDetail,
} from '../../../core/modules/regions/regions.schema.ts';
import { fieldErrorsFrom, fieldErrorsFromIssues } from '../../lib/field-errors.ts';
import { localVillageWord } from './region-labels.ts';
import { useLocalTermMutations } from './regions-api.ts';

const FIELDS = ['villageTerm', 'villageHeadTitle'] as const;
type Field = (typeof FIELDS)[number];

interface LocalTermModalProps {
  region: RegionDetail;
  opened: boolean;
  onClose: () => void;
}

/** Set or remove the local word for the village level on a province or regency. */
export function LocalTermModal({ region, opened, onClose }: LocalTermModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('regions.localTerm.modalTitle', { name: region.name })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Mounted only while open, so the form starts from the saved values each time. */}
      {opened && <LocalTermForm region={region} onClose={onClose} />}
    </Modal>
  );
}

function LocalTermForm({ region, onClose }: { region: RegionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const own = region.ownLocalTerm;
  const [villageTerm, setVillageTerm] = useState(own?.villageTerm ?? '');
  const [villageHeadTitle, setVillageHeadTitle] = useState(own?.villageHeadTitle ?? '');
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const { save, remove } = useLocalTermMutations(region.code);
  const pending = save.isPending || remove.isPending;

  const serverErrors = fieldErrorsFrom(save.error, FIELDS);
  const errors = { ...serverErrors, ...clientErrors };
  const failure = save.error ?? remove.error;
  const showAlert = failure && Object.keys(serverErrors).length === 0;
  const inherited =
    region.localTerm && region.localTerm.setOn !== region.code ? region.localTerm : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = SetLocalTermInput.safeParse({ villageTerm, villageHeadTitle });
    if (!parsed.success) {
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues, FIELDS));
      return;
    }
    setClientErrors({});
    save.mutate(
      {
        villageTerm: parsed.data.villageTerm,
        villageHeadTitle: parsed.data.villageHeadTitle ?? undefined,
      },
      {
        onSuccess: (term) => {
          notifications.show({
            color: 'teal',
            title: t('regions.localTerm.savedTitle'),
            message: t('regions.localTerm.saved', {
              name: region.name,
              term: localVillageWord(term),
            }),
          });
          onClose();
        },
      },
    );
  };

  const onRemove = () => {
    remove.mutate(undefined, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          title: t('regions.localTerm.removedTitle'),
          message: t('regions.localTerm.removed', { name: region.name }),
        });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('regions.localTerm.intro')}
        </Text>
        {inherited && (
          <Text size="sm">
            {t('regions.localTerm.inherited', { term: localVillageWord(inherited) })}
          </Text>
        )}
        {showAlert && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {failure.message}
          </Alert>
        )}
        <TextInput
          label={t('regions.localTerm.villageTerm')}
          description={t('regions.localTerm.villageTermHint')}
          value={villageTerm}
          onChange={(e) => setVillageTerm(e.currentTarget.value)}
          error={errors.villageTerm}
          required
          maxLength={60}
          data-autofocus
        />
        <TextInput
          label={t('regions.localTerm.villageHeadTitle')}
          description={t('regions.localTerm.villageHeadTitleHint')}
          value={villageHeadTitle}
          onChange={(e) => setVillageHeadTitle(e.currentTarget.value)}
          error={errors.villageHeadTitle}
          maxLength={80}
        />
        <Group justify="space-between" mt="sm">
          {own ? (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={onRemove}
              loading={remove.isPending}
              disabled={save.isPending}
            >
              {t('regions.localTerm.remove')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={remove.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
