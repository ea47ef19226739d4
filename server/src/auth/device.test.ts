import { describe, expect, it } from 'vitest';
import {
  deviceHashFromCookieHeader,
  hashDeviceSecret,
  isDeviceSecret,
  newDeviceSecret,
  readCookie,
} from './device.ts';

describe('device credential', () => {
  it('a new secret is 32 random bytes in base64url, and never repeats', () => {
    const a = newDeviceSecret();
    expect(isDeviceSecret(a)).toBe(true);
    expect(a).not.toBe(newDeviceSecret());
  });

  it('only the hash is derived for storage, and it is stable', () => {
    const secret = newDeviceSecret();
    expect(hashDeviceSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashDeviceSecret(secret)).toBe(hashDeviceSecret(secret));
    expect(hashDeviceSecret(secret)).not.toContain(secret);
  });

  it('reads the cookie among others, and ignores malformed values', () => {
    const secret = newDeviceSecret();
    expect(readCookie(`a=1; rf_device=${secret}; b=2`, 'rf_device')).toBe(secret);
    expect(deviceHashFromCookieHeader(`a=1; rf_device=${secret}`)).toBe(hashDeviceSecret(secret));
    expect(deviceHashFromCookieHeader('rf_device=short')).toBeUndefined();
    expect(deviceHashFromCookieHeader(undefined)).toBeUndefined();
  });
});
