import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Button } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useCurrentUser } from '../auth/current-user.ts';
import { hasPermission } from '../auth/permissions.ts';
import { usePendingMoveCount } from './moves-api.ts';

/**
 * The way to /pekerja/pindah from the worker list: "Minta pindah pekerja" for a village, and for
 * those who decide "Permintaan pindah" with the number waiting.
 */
export function MovesButton() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const decides = hasPermission(me, 'workers.move');
  const pending = usePendingMoveCount(decides);
  const waiting = decides ? (pending.data ?? 0) : 0;
  return (
    <Button
      component={Link}
      to="/pekerja/pindah"
      variant="light"
      leftSection={<IconArrowsExchange size={18} aria-hidden />}
      rightSection={
        waiting > 0 && (
          <Badge size="sm" color="orange" circle={waiting < 10} aria-hidden>
            {waiting}
          </Badge>
        )
      }
      aria-label={
        waiting > 0
          ? `${t('moves.buttonQueue')} (${t('moves.pendingBadge', { count: waiting })})`
          : undefined
      }
      data-testid="moves-button"
    >
      {decides ? t('moves.buttonQueue') : t('moves.buttonRequest')}
    </Button>
  );
}
