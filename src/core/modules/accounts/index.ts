export * from './accounts.schema.ts';
export { login, type LoginResult } from './login.ts';
export { logout } from './logout.ts';
export { authenticateSession } from './authenticate.ts';
export { createUser } from './create-user.ts';
export { ensureFirstAdmin } from './ensure-first-admin.ts';
export { DEFAULT_AUTH_POLICY, type AuthPolicy } from './session-token.ts';
export { ROLES } from '../../db/schema/accounts.ts';
