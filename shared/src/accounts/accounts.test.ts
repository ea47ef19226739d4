import { describe, expect, it } from 'vitest';
import { emailSchema, signUpRequestSchema } from './accounts.ts';

describe('accounts', () => {
  it('keeps emails trimmed and lower-cased, so one address is one account', () => {
    expect(emailSchema.parse('  Ada@Example.ORG ')).toBe('ada@example.org');
  });

  it('refuses a short password with a message a person can act on', () => {
    const result = signUpRequestSchema.safeParse({
      email: 'a@example.org',
      password: 'short',
      displayName: 'Ada',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/at least 10 characters/);
  });
});
