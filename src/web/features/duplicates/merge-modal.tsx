import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, List, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import type {
  DuplicatePair,
  DuplicateWorker,
} from '../../../core/modules/workers/duplicates.schema.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useMergeWorkers } from './duplicates-api.ts';

interface MergeModalProps {
  pair: DuplicatePair | null;
  onClose: () => void;
}

/** Choose the record to keep, read what will happen, then merge. */
export function MergeModal({ pair, onClose }: MergeModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={pair !== null}
      onClose={onClose}
      title={t('duplicates.merge.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {pair && <MergeForm pair={pair} onClose={onClose} />}
    </Modal>
  );
}

function MergeForm({ pair, onClose }: { pair: DuplicatePair; onClose: () => void }) {
  const { t } = useTranslation();
  // "Data 1", the record registered first, by default: others (programs, claims) point at it
  const [keepId, setKeepId] = useState(pair.a.id);
  const merge = useMergeWorkers();
  const keep = keepId === pair.a.id ? pair.a : pair.b;
  const gone = keepId === pair.a.id ? pair.b : pair.a;
  const label = (w: DuplicateWorker, n: number) =>
    t('duplicates.merge.option', {
      n,
      name: w.fullName,
      nik: w.nikMasked,
      village: w.villageName,
      created: formatDateTime(w.createdAt),
    });

  const submit = () =>
    merge.mutate(
      { keepId: keep.id, mergeId: gone.id },
      {
        onSuccess: (d) => {
          notifications.show({
            color: 'teal',
            title: t('duplicates.merge.doneTitle'),
            message:
              d.moved && d.moved.heirs + d.moved.children > 0
                ? t('duplicates.merge.done', {
                    name: keep.fullName,
                    heirs: d.moved.heirs,
                    children: d.moved.children,
                  })
                : t('duplicates.merge.doneNoFamily', { name: keep.fullName }),
          });
          onClose();
        },
      },
    );

  return (
    <Stack>
      <Radio.Group label={t('duplicates.merge.keepLabel')} value={keepId} onChange={setKeepId}>
        <Stack gap="xs" mt="xs">
          <Radio value={pair.a.id} label={label(pair.a, 1)} />
          <Radio value={pair.b.id} label={label(pair.b, 2)} />
        </Stack>
      </Radio.Group>
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('duplicates.merge.whatHappens')}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            {t('duplicates.merge.stepKeep', { name: keep.fullName, nik: keep.nikMasked })}
          </List.Item>
          <List.Item>
            {gone.heirCount + gone.childCount > 0
              ? t('duplicates.merge.stepFamily', {
                  heirs: gone.heirCount,
                  children: gone.childCount,
                })
              : t('duplicates.merge.stepFamilyNone')}
          </List.Item>
          <List.Item>
            {keep.villageCode === gone.villageCode
              ? t('duplicates.merge.stepFillSameVillage')
              : t('duplicates.merge.stepFill')}
          </List.Item>
          <List.Item>{t('duplicates.merge.stepHide', { nik: gone.nikMasked })}</List.Item>
        </List>
      </div>
      <Alert color="orange" variant="light" icon={<IconAlertCircle />}>
        {t('duplicates.merge.final')}
      </Alert>
      {merge.error && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {merge.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={merge.isPending}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={merge.isPending} data-testid="merge-confirm">
          {t('duplicates.merge.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}
