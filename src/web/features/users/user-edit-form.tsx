import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useCurrentUser } from '../auth/current-user.ts';
import type { RoleName } from '../auth/auth-types.ts';
import { formErrors } from './form-errors.ts';
import { scopeBody, SCOPE_RULES } from './role-scope.ts';
import { ScopeField } from './scope-field.tsx';
import { useUpdateUser } from './users-api.ts';
import type { UpdateUserBody, UserSummary } from './users-types.ts';

const FIELDS = ['displayName', 'role', 'scope', 'language'] as const;
type Field = (typeof FIELDS)[number];

const sameCodes = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Change a user's name, role, work area and language; only what changed is sent. */
export function UserEditForm({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<RoleName>(user.role);
  const [scope, setScope] = useState<string[]>(user.scope);
  const [language, setLanguage] = useState(user.language);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const update = useUpdateUser(user.id);
  const server = formErrors(update.error, FIELDS);
  const errors = { ...server.byField, ...clientErrors };

  const grantable = me.grantableRoles;
  const roles = grantable.includes(user.role) ? grantable : [user.role, ...grantable];

  const body: UpdateUserBody = {};
  if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
  if (role !== user.role) body.role = role;
  if (role !== user.role || !sameCodes(scope, user.scope)) body.scope = scopeBody(role, scope);
  if (language !== user.language) body.language = language;
  const dirty = Object.keys(body).length > 0;

  const changeRole = (next: RoleName) => {
    const a = SCOPE_RULES[role];
    const b = SCOPE_RULES[next];
    if (a.level !== b.level || a.multiple !== b.multiple) setScope([]);
    setRole(next);
    setClientErrors((prev) => ({ ...prev, role: undefined, scope: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!displayName.trim()) found.displayName = t('users.validation.displayName');
    if (!SCOPE_RULES[role].optional && scope.length === 0)
      found.scope = t('users.validation.scope');
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !dirty) return;
    update.mutate(body, {
      onSuccess: (saved) => {
        setScope(saved.scope);
        notifications.show({
          color: 'teal',
          title: t('users.edit.savedTitle'),
          message: t('users.edit.saved', { name: saved.displayName }),
        });
      },
    });
  };

  const reset = () => {
    setDisplayName(user.displayName);
    setRole(user.role);
    setScope(user.scope);
    setLanguage(user.language);
    setClientErrors({});
    update.reset();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {server.general && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {server.general.message}
          </Alert>
        )}
        <TextInput
          label={t('users.field.displayName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={errors.displayName}
          required
          maxLength={100}
        />
        <Select
          label={t('users.field.role')}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => v && changeRole(v)}
          error={errors.role}
          allowDeselect={false}
        />
        <ScopeField
          role={role}
          value={scope}
          known={user.scopeNames}
          onChange={(codes) => {
            setScope(codes);
            setClientErrors((prev) => ({ ...prev, scope: undefined }));
          }}
          error={errors.scope}
        />
        <Select
          label={t('users.field.language')}
          data={[
            { value: 'id', label: t('language.id') },
            { value: 'en', label: t('language.en') },
          ]}
          value={language}
          onChange={(v) => v && setLanguage(v)}
          error={errors.language}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={reset} disabled={!dirty || update.isPending}>
            {t('common.undo')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!dirty}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
