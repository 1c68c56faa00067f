import type { z } from 'zod';
import type {
  ChangePasswordInput,
  SessionInfo,
  SessionList as SessionListSchema,
} from '../../../core/modules/accounts/accounts.schema.ts';

export type { SessionInfo };
export type SessionList = z.infer<typeof SessionListSchema>;
export type ChangePasswordBody = ChangePasswordInput;
