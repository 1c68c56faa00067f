import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import {
  ChildInput,
  ChildPatch,
  HEIR_RELATIONSHIPS,
  HeirInput,
  HeirPatch,
  SCHOOL_LEVELS,
  type Child,
  type Heir,
} from '../../../core/modules/workers/family.schema.ts';
import { todayInJakarta } from '../../lib/format.ts';
import { formErrors } from '../users/form-errors.ts';
import { useSaveFamilyMember } from './family-api.ts';
import {
  check,
  FormButtons,
  FormModal,
  NikInput,
  parseTypedDate,
  type ModalProps,
} from './family-form-parts.tsx';

const HEIR_FIELDS = ['name', 'nik', 'relationship', 'phone'] as const;
const CHILD_FIELDS = ['name', 'nik', 'birthDate', 'schoolLevel'] as const;

export function HeirModal({ workerId, member, opened, onClose }: ModalProps<Heir>) {
  const { t } = useTranslation();
  return (
    <FormModal
      title={t(member ? 'family.heirEditTitle' : 'family.heirAddTitle')}
      opened={opened}
      onClose={onClose}
    >
      <HeirForm workerId={workerId} member={member} onClose={onClose} />
    </FormModal>
  );
}

function HeirForm({ workerId, member, onClose }: Omit<ModalProps<Heir>, 'opened'>) {
  const { t } = useTranslation();
  const [name, setName] = useState(member?.name ?? '');
  const [nik, setNik] = useState('');
  const [clearNik, setClearNik] = useState(false);
  const [relationship, setRelationship] = useState<string>(member?.relationship ?? '');
  const [phone, setPhone] = useState(member?.phone ?? '');
  const [clientErrors, setClientErrors] = useState<
    Partial<Record<(typeof HEIR_FIELDS)[number], string>>
  >({});
  const save = useSaveFamilyMember(workerId, 'heirs', member?.id);
  const server = formErrors(save.error, HEIR_FIELDS);
  const errors = { ...server.byField, ...clientErrors };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = member
      ? {
          name,
          relationship,
          phone: phone.trim() || null,
          ...(clearNik ? { nik: null } : nik.trim() ? { nik } : {}),
        }
      : { name, relationship, nik, phone };
    if (!check(member ? HeirPatch : HeirInput, body, HEIR_FIELDS, setClientErrors)) return;
    save.mutate(body as HeirInput, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('family.savedHeir', { name: saved.name }) });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput
          label={t('family.field.name')}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Select
          label={t('family.field.relationship')}
          placeholder={t('family.field.relationshipPlaceholder')}
          required
          data={HEIR_RELATIONSHIPS.map((r) => ({ value: r, label: t(`family.relationship.${r}`) }))}
          value={relationship || null}
          onChange={(v) => setRelationship(v ?? '')}
          error={errors.relationship}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <NikInput
          masked={member?.nikMasked}
          value={nik}
          onChange={setNik}
          clear={clearNik}
          onClear={setClearNik}
          error={errors.nik}
        />
        <TextInput
          label={t('family.field.phone')}
          description={t('family.field.phoneHint')}
          inputMode="tel"
          maxLength={20}
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={errors.phone}
        />
        <FormButtons pending={save.isPending} onClose={onClose} error={server.general} />
      </Stack>
    </form>
  );
}

export function ChildModal({ workerId, member, opened, onClose }: ModalProps<Child>) {
  const { t } = useTranslation();
  return (
    <FormModal
      title={t(member ? 'family.childEditTitle' : 'family.childAddTitle')}
      opened={opened}
      onClose={onClose}
    >
      <ChildForm workerId={workerId} member={member} onClose={onClose} />
    </FormModal>
  );
}

function ChildForm({ workerId, member, onClose }: Omit<ModalProps<Child>, 'opened'>) {
  const { t } = useTranslation();
  const [name, setName] = useState(member?.name ?? '');
  const [nik, setNik] = useState('');
  const [clearNik, setClearNik] = useState(false);
  const [birthDate, setBirthDate] = useState(member?.birthDate ?? '');
  const [schoolLevel, setSchoolLevel] = useState<string>(member?.schoolLevel ?? '');
  const [clientErrors, setClientErrors] = useState<
    Partial<Record<(typeof CHILD_FIELDS)[number], string>>
  >({});
  const save = useSaveFamilyMember(workerId, 'children', member?.id);
  const server = formErrors(save.error, CHILD_FIELDS);
  const errors = { ...server.byField, ...clientErrors };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      name,
      birthDate: birthDate || undefined,
      schoolLevel,
      ...(member ? (clearNik ? { nik: null } : nik.trim() ? { nik } : {}) : { nik }),
    };
    if (!check(member ? ChildPatch : ChildInput, body, CHILD_FIELDS, setClientErrors)) return;
    if (birthDate > todayInJakarta()) {
      setClientErrors({ birthDate: t('family.birthDateFuture') });
      return;
    }
    save.mutate(body as ChildInput, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          message: t('family.savedChild', { name: saved.name }),
        });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput
          label={t('family.field.name')}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <DateInput
          label={t('family.field.birthDate')}
          description={t('family.field.dateHint')}
          required
          value={birthDate || null}
          onChange={(v) => setBirthDate(v ?? '')}
          dateParser={parseTypedDate}
          valueFormat="D MMMM YYYY"
          locale="id"
          defaultLevel={birthDate ? 'month' : 'decade'}
          maxDate={todayInJakarta()}
          error={errors.birthDate}
          clearable
          popoverProps={{ withinPortal: true }}
        />
        <Select
          label={t('family.field.schoolLevel')}
          placeholder={t('family.field.schoolLevelPlaceholder')}
          required
          data={SCHOOL_LEVELS.map((s) => ({ value: s, label: t(`family.schoolLevel.${s}`) }))}
          value={schoolLevel || null}
          onChange={(v) => setSchoolLevel(v ?? '')}
          error={errors.schoolLevel}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <NikInput
          masked={member?.nikMasked}
          value={nik}
          onChange={setNik}
          clear={clearNik}
          onClear={setClearNik}
          error={errors.nik}
        />
        <FormButtons pending={save.isPending} onClose={onClose} error={server.general} />
      </Stack>
    </form>
  );
}
