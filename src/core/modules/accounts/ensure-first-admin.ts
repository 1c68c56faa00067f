import type { Ctx } from '../../context.ts';
import { countUsers } from './accounts.repository.ts';
import { createUser } from './create-user.ts';
import { generatePassword } from './password.ts';

/**
 * On the very first start there is nobody to log in: create `admin` with the configured password,
 * or a random one that the caller prints once. Does nothing when any user exists.
 */
export async function ensureFirstAdmin(
  ctx: Ctx,
  configuredPassword: string | undefined,
): Promise<
  { created: false } | { created: true; username: string; generatedPassword: string | undefined }
> {
  if ((await countUsers(ctx.db)) > 0) return { created: false };
  const password = configuredPassword ?? generatePassword();
  await createUser(ctx, {
    username: 'admin',
    displayName: 'Administrator',
    password,
    role: 'admin',
  });
  return {
    created: true,
    username: 'admin',
    generatedPassword: configuredPassword ? undefined : password,
  };
}
