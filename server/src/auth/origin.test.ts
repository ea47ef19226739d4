import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, isSerializedOrigin } from './origin.ts';

describe('isAllowedOrigin', () => {
  it.each([
    [undefined, 'localhost:3000', [], true],
    ['http://localhost:3000', 'localhost:3000', [], true],
    ['https://reflect.example.org', 'reflect.example.org', [], true],
    ['http://localhost:5173', 'localhost:3000', ['http://localhost:5173'], true],
    ['http://evil.example', 'localhost:3000', [], false],
    ['http://localhost:3000.evil.example', 'localhost:3000', [], false],
    ['null', 'localhost:3000', [], false],
    ['file://localhost:3000', 'localhost:3000', [], false],
    ['http://localhost:3001', 'localhost:3000', [], false],
  ])('origin %s to host %s (allowed %o) → %s', (origin, host, allowed, expected) => {
    expect(isAllowedOrigin(origin, host, allowed)).toBe(expected);
  });

  it.each([
    ['a user part', 'http://user@localhost:3000'],
    ['a user and password', 'http://user:secret@localhost:3000'],
    ['an empty user part', 'http://@localhost:3000'],
    ['a trailing slash', 'http://localhost:3000/'],
    ['a path', 'http://localhost:3000/path'],
    ['a query', 'http://localhost:3000?x'],
    ['a fragment', 'http://localhost:3000#x'],
    ['a backslash', 'http://localhost:3000\\'],
    ['an upper-case scheme', 'HTTP://localhost:3000'],
    ['an upper-case host', 'http://LOCALHOST:3000'],
    ['a port with a leading zero', 'http://localhost:03000'],
    ['a percent-encoded host', 'http://%6cocalhost:3000'],
    ['a list of origins', 'http://localhost:3000 http://evil.example'],
    ['two origins joined by a comma', 'http://localhost:3000, http://evil.example'],
    ['white space around it', ' http://localhost:3000'],
    ['a tab inside', 'http://local\thost:3000'],
    ['an empty value', ''],
    ['a WebSocket scheme', 'ws://localhost:3000'],
    ['no scheme', 'localhost:3000'],
  ])('refuses an Origin with %s, even naming our own host', (_what, origin) => {
    expect(isAllowedOrigin(origin, 'localhost:3000', [])).toBe(false);
    expect(isAllowedOrigin(origin, 'localhost:3000', [origin])).toBe(false);
  });

  it.each([
    ['http://127.0.0.1:80', '127.0.0.1'],
    ['https://127.0.0.1:443', '127.0.0.1'],
    ['http://127.1:3000', '127.0.0.1:3000'],
    ['http://0x7f.0.0.1:3000', '127.0.0.1:3000'],
    ['http://127.0.0.1.:3000', '127.0.0.1:3000'],
    ['http://[0:0:0:0:0:0:0:1]:3000', '[::1]:3000'],
  ])('refuses %s, a spelling of host %s no browser serializes', (origin, host) => {
    expect(isAllowedOrigin(origin, host, [])).toBe(false);
  });

  it.each([
    ['http://127.0.0.1', '127.0.0.1'],
    ['http://127.0.0.1', '127.0.0.1:80'],
    ['https://reflect.example.org', 'reflect.example.org:443'],
    ['http://localhost:3000', 'LOCALHOST:3000'],
    ['http://[::1]:3000', '[::1]:3000'],
    ['http://reflect.example.org.', 'reflect.example.org.'],
  ])(
    'allows %s to host %s: the same origin, the Host header written another way',
    (origin, host) => {
      expect(isAllowedOrigin(origin, host, [])).toBe(true);
    },
  );

  it.each([
    ['http://reflect.example.org.', 'reflect.example.org'],
    ['http://reflect.example.org', 'reflect.example.org.'],
    ['http://127.0.0.1', '127.0.0.1:443'],
    ['https://127.0.0.1', '127.0.0.1:80'],
    ['http://localhost:3000', 'localhost:3000/path'],
    ['http://localhost:3000', 'user@localhost:3000'],
    ['http://localhost:3000', ''],
    ['http://localhost:3000', undefined],
  ])('refuses %s to host %o: another origin, or no usable Host', (origin, host) => {
    expect(isAllowedOrigin(origin, host, [])).toBe(false);
  });

  it('takes exactly one Origin header: two are refused, even when both are ours', () => {
    const own = 'http://localhost:3000';
    expect(isAllowedOrigin([own], 'localhost:3000', [])).toBe(true);
    expect(isAllowedOrigin([own, own], 'localhost:3000', [])).toBe(false);
    expect(isAllowedOrigin(['http://evil.example', own], 'localhost:3000', [])).toBe(false);
    expect(isAllowedOrigin([own, 'http://evil.example'], 'localhost:3000', [])).toBe(false);
    expect(isAllowedOrigin([], 'localhost:3000', [])).toBe(false);
  });

  it('matches ALLOWED_ORIGINS only exactly, never by the host', () => {
    const allowed = ['https://app.example.org'];
    expect(isAllowedOrigin('https://app.example.org', 'api.example.org', allowed)).toBe(true);
    expect(isAllowedOrigin('http://app.example.org', 'api.example.org', allowed)).toBe(false);
    expect(isAllowedOrigin('https://app.example.org:443', 'api.example.org', allowed)).toBe(false);
    expect(isAllowedOrigin('https://user@app.example.org', 'api.example.org', allowed)).toBe(false);
  });
});

describe('isSerializedOrigin', () => {
  it.each([
    ['http://localhost:3000', true],
    ['https://reflect.example.org', true],
    ['http://[::1]:3000', true],
    ['https://xn--bcher-kva.example', true],
    ['https://bücher.example', false],
    ['https://reflect.example.org:443', false],
    ['https://reflect.example.org/', false],
    ['null', false],
  ])('%s → %s', (text, expected) => {
    expect(isSerializedOrigin(text)).toBe(expected);
  });
});
