import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { NewPassword, Username } from '../../../core/modules/accounts/accounts.schema.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import type { RoleName } from '../auth/auth-types.ts';
import { formErrors } from './form-errors.ts';
import { PasswordField } from './password-field.tsx';
import { scopeBody, SCOPE_RULES } from './role-scope.ts';
import { ScopeField } from './scope-field.tsx';
import { useCreateUser } from './users-api.ts';

const FIELDS = ['username', 'displayName', 'role', 'scope', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.create.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <UserCreateForm onClose={onClose} />}
    </Modal>
  );
}

function UserCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const grantable = me.grantableRoles;
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<RoleName | null>(grantable.length === 1 ? grantable[0]! : null);
  const [scope, setScope] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const create = useCreateUser();

  const server = formErrors(create.error, FIELDS);
  const errors = { ...server.byField, ...clientErrors };

  const changeRole = (next: RoleName | null) => {
    const before = role ? SCOPE_RULES[role] : undefined;
    const after = next ? SCOPE_RULES[next] : undefined;
    if (before?.level !== after?.level || before?.multiple !== after?.multiple) setScope([]);
    setRole(next);
  };

  const validate = (): Partial<Record<Field, string>> => {
    const out: Partial<Record<Field, string>> = {};
    const u = Username.safeParse(username);
    if (!u.success) out.username = u.error.issues[0]?.message;
    if (!displayName.trim()) out.displayName = t('users.validation.displayName');
    if (!role) out.role = t('users.validation.role');
    else if (!SCOPE_RULES[role].optional && scope.length === 0)
      out.scope = t('users.validation.scope');
    const p = NewPassword.safeParse(password);
    if (!p.success) out.password = p.error.issues[0]?.message;
    return out;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate();
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !role) return;
    create.mutate(
      {
        username: username.trim().toLowerCase(),
        displayName: displayName.trim(),
        password,
        role,
        scope: scopeBody(role, scope),
      },
      {
        onSuccess: (user) => {
          notifications.show({
            color: 'teal',
            title: t('users.create.savedTitle'),
            message: t('users.create.saved', { name: user.displayName, username: user.username }),
          });
          onClose();
          void navigate(`/pengguna/${user.id}`);
        },
      },
    );
  };

  const edit =
    <T,>(set: (v: T) => void, field: Field) =>
    (v: T) => {
      set(v);
      // Editing a field clears its message, the server's included.
      if (errors[field]) setClientErrors((prev) => ({ ...prev, [field]: undefined }));
    };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {server.general && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {server.general.message}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label={t('users.field.username')}
            description={t('users.field.usernameHint')}
            value={username}
            onChange={(e) => edit(setUsername, 'username')(e.currentTarget.value)}
            error={errors.username}
            required
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
          <TextInput
            label={t('users.field.displayName')}
            description={t('users.field.displayNameHint')}
            value={displayName}
            onChange={(e) => edit(setDisplayName, 'displayName')(e.currentTarget.value)}
            error={errors.displayName}
            required
            maxLength={100}
          />
        </Group>
        <Select
          label={t('users.field.role')}
          description={t('users.field.roleHint')}
          data={grantable.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => edit(changeRole, 'role')(v)}
          error={errors.role}
          required
          allowDeselect={false}
        />
        <ScopeField
          role={role}
          value={scope}
          onChange={edit(setScope, 'scope')}
          error={errors.scope}
        />
        <PasswordField
          label={t('users.field.initialPassword')}
          value={password}
          onChange={(v) => {
            edit(setPassword, 'password')(v);
            setGenerated(false);
          }}
          generated={generated}
          onGenerated={(v) => {
            edit(setPassword, 'password')(v);
            setGenerated(true);
          }}
          error={errors.password}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
