import { DomainError } from '../../errors.ts';
import { NewPassword } from './accounts.schema.ts';
import { isCommonPassword } from './common-passwords.ts';

/** Minimum length 10 and not a common password (issue #3); the message says what to change. */
export function assertPasswordAcceptable(
  password: string,
  username: string,
  field = 'password',
): void {
  const parsed = NewPassword.safeParse(password);
  if (!parsed.success) {
    throw new DomainError(
      'VALIDATION',
      parsed.error.issues[0]?.message ?? 'Kata sandi tidak valid.',
      {
        issues: [{ path: field, message: parsed.error.issues[0]?.message }],
      },
    );
  }
  if (isCommonPassword(password, username)) {
    const message =
      'Kata sandi terlalu mudah ditebak (kata umum, pola angka atau memuat nama pengguna). Gunakan gabungan beberapa kata yang tidak berhubungan.';
    throw new DomainError('VALIDATION', message, { issues: [{ path: field, message }] });
  }
}
