import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconBuildingBank,
  IconLock,
  IconPencil,
  IconPlayerPlay,
  IconUsers,
} from '@tabler/icons-react';
import type { ProgramDetail } from '../../../core/modules/programs/program.schema.ts';
import { formatNumber } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { useProgramStep, type ProgramStep } from './programs-api.ts';

/**
 * Buttons of the header: change and activate a draft, close an active program (each confirmed),
 * and the ways to the participants and the BPJS exchange once the program runs.
 */
export function ProgramActions({ program: p }: { program: ProgramDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [confirm, setConfirm] = useState<ProgramStep | null>(null);
  const base = `/program/${encodeURIComponent(p.id)}`;
  const running = p.status !== 'draft';
  // a renewed draft already holds the previous period's workers, proposed again for review
  const hasParticipants = running || p.filled > 0;
  return (
    <>
      {hasParticipants && hasPermission(me, 'enrollments.read') && (
        <Button
          component={Link}
          to={`${base}/peserta`}
          variant="light"
          leftSection={<IconUsers size={18} aria-hidden />}
        >
          {t('programs.action.participants')}
        </Button>
      )}
      {running && hasPermission(me, 'bpjs.read') && (
        <Button
          component={Link}
          to={`${base}/bpjs`}
          variant="light"
          leftSection={<IconBuildingBank size={18} aria-hidden />}
        >
          {t('programs.action.bpjs')}
        </Button>
      )}
      {p.permissions.manage && p.status === 'draft' && (
        <>
          <Button
            component={Link}
            to={`${base}/ubah`}
            variant="default"
            leftSection={<IconPencil size={18} aria-hidden />}
          >
            {t('programs.action.edit')}
          </Button>
          <Button
            color="teal"
            onClick={() => setConfirm('activate')}
            leftSection={<IconPlayerPlay size={18} aria-hidden />}
          >
            {t('programs.action.activate')}
          </Button>
        </>
      )}
      {p.permissions.manage && p.status === 'active' && (
        <Button
          color="dark"
          variant="outline"
          onClick={() => setConfirm('close')}
          leftSection={<IconLock size={18} aria-hidden />}
        >
          {t('programs.action.close')}
        </Button>
      )}
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm ? t(`programs.confirm.${confirm}Title`) : ''}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {confirm && <ConfirmStep program={p} step={confirm} onClose={() => setConfirm(null)} />}
      </Modal>
    </>
  );
}

function ConfirmStep(props: { program: ProgramDetail; step: ProgramStep; onClose: () => void }) {
  const { t } = useTranslation();
  const { program: p, step, onClose } = props;
  const mutation = useProgramStep(p.id);
  const run = () =>
    mutation.mutate(step, {
      onSuccess: (done) => {
        notifications.show({
          color: step === 'activate' ? 'teal' : 'gray',
          message: t(`programs.confirm.${step}Done`, {
            name: done.name,
            seats: formatNumber(done.seats),
          }),
        });
        onClose();
      },
    });
  return (
    <Stack>
      <Text size="sm">
        {t(`programs.confirm.${step}Text`, {
          name: p.name,
          seats: formatNumber(p.seats),
          count: p.villages,
          villages: formatNumber(p.villages),
        })}
      </Text>
      {mutation.error && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {mutation.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color={step === 'activate' ? 'teal' : 'dark'}
          onClick={run}
          loading={mutation.isPending}
        >
          {t(`programs.confirm.${step}Button`)}
        </Button>
      </Group>
    </Stack>
  );
}
