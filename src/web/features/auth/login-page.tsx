import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@mantine/hooks';
import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconLock, IconShieldHeart, IconUser } from '@tabler/icons-react';
import { ME_QUERY_KEY } from '../../lib/query-client.ts';
import { isApiError } from '../../lib/api.ts';
import { setLanguage, storedLanguage } from '../../i18n/index.ts';
import { LanguageMenu } from '../shell/language-menu.tsx';
import { login, useMe } from './auth-api.ts';
import { safeNextPath } from './safe-next.ts';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.submit')} · ${t('app.name')}`);
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ username: false, password: false });

  const mutation = useMutation({
    mutationFn: () => login(username.trim(), password),
    onSuccess: (user) => {
      if (!storedLanguage() && user.language !== 'id') setLanguage(user.language);
      queryClient.setQueryData(ME_QUERY_KEY, user);
      void navigate(next, { replace: true });
    },
    onError: () => setPassword(''),
  });

  if (me.data) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = { username: !username.trim(), password: !password };
    setMissing(empty);
    if (empty.username || empty.password || mutation.isPending) return;
    mutation.mutate();
  };

  const error = mutation.error;
  const errorTitle = isApiError(error, 423)
    ? t('auth.lockedTitle')
    : isApiError(error, 429)
      ? t('auth.tooManyTitle')
      : t('auth.failedTitle');

  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Group justify="flex-end" p="md">
        <LanguageMenu />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={4} align="center" ta="center">
            <IconShieldHeart
              size={48}
              stroke={1.5}
              color="var(--mantine-color-teal-7)"
              aria-hidden
            />
            <Title order={1}>{t('app.name')}</Title>
            <Text c="dimmed">{t('app.tagline')}</Text>
          </Stack>
          <Paper
            withBorder
            shadow="sm"
            radius="md"
            p="xl"
            component="section"
            aria-labelledby="login-title"
          >
            <form onSubmit={onSubmit} noValidate>
              <Stack>
                <Title order={2} size="h3" id="login-title">
                  {t('auth.title')}
                </Title>
                {error && (
                  <Alert color="red" icon={<IconAlertCircle />} title={errorTitle} role="alert">
                    {error.message}
                  </Alert>
                )}
                <TextInput
                  label={t('auth.username')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  leftSection={<IconUser size={16} aria-hidden />}
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={
                    missing.username && !username.trim() ? t('auth.usernameRequired') : undefined
                  }
                  required
                  autoFocus
                />
                <PasswordInput
                  label={t('auth.password')}
                  name="password"
                  autoComplete="current-password"
                  leftSection={<IconLock size={16} aria-hidden />}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={missing.password && !password ? t('auth.passwordRequired') : undefined}
                  required
                />
                <Button type="submit" loading={mutation.isPending} fullWidth>
                  {t('auth.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
