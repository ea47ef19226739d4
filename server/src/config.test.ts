import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('fills every default from an empty environment', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      databasePoolSize: 10,
      logLevel: 'info',
      allowedOrigins: [],
      trustProxy: false,
      retentionDaysDefault: 30,
      retentionIntervalMinutes: 60,
      anonymousMinBatch: 3,
    });
    expect(config.dataDir.endsWith('.reflectory')).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = parseConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db.internal:5432/reflectory',
      DATABASE_POOL_SIZE: '20',
      DATA_DIR: '/var/lib/reflectory',
      LOG_LEVEL: 'debug',
      ALLOWED_ORIGINS: 'https://reflect.example.org, http://localhost:5173',
      TRUST_PROXY: 'true',
      RETENTION_DAYS_DEFAULT: '0',
      RETENTION_INTERVAL_MINUTES: '15',
      STANDALONE_SESSIONS: 'false',
      ANONYMOUS_MIN_BATCH: '5',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db.internal:5432/reflectory',
      databasePoolSize: 20,
      dataDir: '/var/lib/reflectory',
      logLevel: 'debug',
      allowedOrigins: ['https://reflect.example.org', 'http://localhost:5173'],
      trustProxy: true,
      retentionDaysDefault: 0,
      retentionIntervalMinutes: 15,
      standaloneSessions: false,
      anonymousMinBatch: 5,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://localhost/x' }, /DATABASE_URL must be a postgres/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE/],
    [{ ANONYMOUS_MIN_BATCH: '0' }, /ANONYMOUS_MIN_BATCH/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY must be true or false/],
    [{ STANDALONE_SESSIONS: 'no' }, /STANDALONE_SESSIONS must be true or false/],
    [{ RETENTION_DAYS_DEFAULT: '-1' }, /RETENTION_DAYS_DEFAULT/],
    [{ RETENTION_INTERVAL_MINUTES: '0' }, /RETENTION_INTERVAL_MINUTES/],
    [{ ALLOWED_ORIGINS: 'https://ok.example, https://bad.example/path' }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: 'https://Upper.example' }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: 'https://default-port.example:443' }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: 'https://user@ok.example' }, /ALLOWED_ORIGINS/],
  ])('refuses %o with one line naming the variable', (env, pattern) => {
    let caught: unknown;
    try {
      parseConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });
});
