import type { z } from 'zod';
import type {
  CreateUserInput,
  UpdateUserInput,
  UserList,
  UserSummary,
} from '../../../core/modules/accounts/accounts.schema.ts';

export type { UserList, UserSummary };

export type ScopeName = UserSummary['scopeNames'][number];

/** GET /api/users query as sent (the server parses `active` into a boolean). */
export interface UserListQuery {
  q?: string;
  role?: string;
  active?: 'true' | 'false';
  region?: string;
  page: number;
  pageSize: number;
}

export type CreateUserBody = CreateUserInput;
export type UpdateUserBody = z.input<typeof UpdateUserInput>;
