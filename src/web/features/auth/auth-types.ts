import type { Me, RoleName } from '../../../core/modules/accounts/accounts.schema.ts';

export type { Me, RoleName };
