import { resolve } from 'node:path';
import { defaultMinBatch } from '@reflectory/shared';
import { z } from 'zod';
import { isSerializedOrigin } from './auth/origin.ts';
import { defaultPoolSize } from './db/database.ts';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const originSchema = z
  .string()
  .trim()
  .refine(
    isSerializedOrigin,
    'each origin must look like https://host[:port] in lowercase, with no default port, path or trailing slash',
  );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine(
      (value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value),
      'must be a postgres:// or postgresql:// URL',
    )
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(defaultPoolSize),
  DATA_DIR: z.string().trim().min(1).default('./.reflectory'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .pipe(z.array(originSchema)),
  RETENTION_DAYS_DEFAULT: z.coerce.number().int().min(0).max(3650).default(30),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  STANDALONE_SESSIONS: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  ANONYMOUS_MIN_BATCH: z.coerce.number().int().min(1).max(50).default(defaultMinBatch),
});

export interface Config {
  port: number;
  host: string;
  /** Real PostgreSQL when set; otherwise embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL; each command holds one for its transaction. */
  databasePoolSize: number;
  dataDir: string;
  logLevel: (typeof logLevels)[number];
  /**
   * Browser origins allowed to open WebSockets and send state-changing requests. Empty means the
   * server's own origin only (the usual single-host install).
   */
  allowedOrigins: string[];
  /**
   * Behind a reverse proxy that terminates HTTPS: trust its X-Forwarded-* headers, so cookies are
   * marked Secure and rate limits count real client addresses.
   */
  trustProxy: boolean;
  /** Days a standalone session (started without a team) keeps its notes after it closes. */
  retentionDaysDefault: number;
  /** How often the retention job looks for boards to delete. */
  retentionIntervalMinutes: number;
  /**
   * Whether anyone may start a one-off session without a team. False: every session belongs to
   * a team and is started by its facilitators or owners.
   */
  standaloneSessions: boolean;
  /** The fewest different people whose anonymous notes leave together (rule AR1). */
  anonymousMinBatch: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; throws a ConfigError whose message names each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]),
  );
  const result = envSchema.safeParse(blankToUndefined);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name} ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const parsed = result.data;
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    dataDir: resolve(parsed.DATA_DIR),
    logLevel: parsed.LOG_LEVEL,
    allowedOrigins: parsed.ALLOWED_ORIGINS,
    trustProxy: parsed.TRUST_PROXY,
    retentionDaysDefault: parsed.RETENTION_DAYS_DEFAULT,
    retentionIntervalMinutes: parsed.RETENTION_INTERVAL_MINUTES,
    standaloneSessions: parsed.STANDALONE_SESSIONS,
    anonymousMinBatch: parsed.ANONYMOUS_MIN_BATCH,
  };
}
