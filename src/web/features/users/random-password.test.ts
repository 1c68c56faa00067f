import { describe, expect, it } from 'vitest';
import { NewPassword } from '../../../core/modules/accounts/accounts.schema.ts';
import { randomPassword } from './random-password.ts';

describe('randomPassword', () => {
  it('is readable, long enough for the policy and different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const pw = randomPassword();
      expect(pw).toMatch(/^([A-Z][a-z]{3}-){3}[2-9]{2}$/);
      expect(pw).not.toMatch(/[0O1lI]/);
      expect(NewPassword.safeParse(pw).success).toBe(true);
      seen.add(pw);
    }
    expect(seen.size).toBe(200);
  });
});
