import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterz', hash)).toBe(false);
  });

  it('salts every hash, so equal passwords do not show as equal', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('never matches a malformed or tampered hash', async () => {
    const hash = await hashPassword('a password here');
    expect(await verifyPassword('a password here', 'plain')).toBe(false);
    expect(await verifyPassword('a password here', hash.replace('$32768$', '$1073741824$'))).toBe(
      false,
    );
    expect(await verifyPassword('a password here', `${hash.slice(0, -4)}AAAA`)).toBe(false);
  });

  it('has a decoy hash that no password matches by chance', async () => {
    expect(await verifyPassword('', await decoyHash())).toBe(false);
  });
});
