import { useTranslation } from 'react-i18next';
import { Badge } from '@mantine/core';
import { formatDateTime, formatTime } from '../../lib/format.ts';
import type { UserSummary } from './users-types.ts';

/** Badges truncate by default; a status must be read whole. */
const FULL = { minWidth: 'max-content' } as const;

export function isLocked(user: Pick<UserSummary, 'lockedUntil'>, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}

/** Aktif, Nonaktif, or "Terkunci sampai 14:05" while too many failed logins keep it locked. */
export function UserStatusBadge({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  if (!user.active) {
    return (
      <Badge color="gray" variant="light" style={FULL}>
        {t('users.status.inactive')}
      </Badge>
    );
  }
  if (user.lockedUntil && isLocked(user)) {
    const sameDay = Date.parse(user.lockedUntil) - Date.now() < 12 * 3600_000;
    return (
      <Badge color="orange" variant="light" style={FULL} title={formatDateTime(user.lockedUntil)}>
        {t('users.status.lockedUntil', {
          time: sameDay ? formatTime(user.lockedUntil) : formatDateTime(user.lockedUntil),
        })}
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" style={FULL}>
      {t('users.status.active')}
    </Badge>
  );
}

/** "Kabupaten Bungo (15.08)", or "Seluruh Indonesia" for a national account. */
export function ScopeText({ user }: { user: Pick<UserSummary, 'scope' | 'scopeNames'> }) {
  const { t } = useTranslation();
  if (user.scope.length === 0) return <>{t('users.scope.national')}</>;
  const names = new Map(user.scopeNames.map((s) => [s.code, s.name]));
  return (
    <>
      {user.scope.map((code, i) => (
        <span key={code}>
          {i > 0 && ', '}
          {names.get(code) ?? code}{' '}
          <span style={{ fontFamily: 'var(--mantine-font-family-monospace)', fontSize: '0.85em' }}>
            ({code})
          </span>
        </span>
      ))}
    </>
  );
}
