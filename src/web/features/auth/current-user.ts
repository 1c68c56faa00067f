import { createContext, use } from 'react';
import type { Me } from './auth-types.ts';

/** Set by the authenticated layout, so pages below it always have a user. */
export const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const user = use(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside the authenticated layout');
  return user;
}
