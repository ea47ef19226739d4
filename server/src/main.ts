/**
 * The only file that reads the environment and listens. `main.ts` serves; `main.ts migrate`
 * applies the migrations and exits.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { ConfigError, parseConfig, type Config } from './config.ts';
import {
  DatabaseUnavailableError,
  openPglite,
  openPostgres,
  type Database,
} from './db/database.ts';

const shutdownGraceMs = 10_000;

function fail(message: string): never {
  process.stderr.write(`reflectory: ${message}\n`);
  process.exit(1);
}

async function openDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, { poolSize: config.databasePoolSize })
    : await openPglite(config.dataDir);
  try {
    await database.migrate();
  } catch (error) {
    await database.close().catch(() => {});
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new DatabaseUnavailableError(`database migration failed: ${detail}`);
  }
  return database;
}

function handleSignals(app: FastifyInstance, database: Database): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, shutdownGraceMs).unref();
    app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== undefined && command !== 'migrate')
    fail(`unknown command "${command}"; try "migrate"`);

  let config: Config;
  let database: Database;
  try {
    config = parseConfig(process.env);
    database = await openDatabase(config);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseUnavailableError)
      fail(error.message);
    throw error;
  }

  if (command === 'migrate') {
    await database.close();
    process.stdout.write(`reflectory: migrations applied (${database.kind})\n`);
    return;
  }

  const clientDir = fileURLToPath(new URL('../../client/dist', import.meta.url));
  const app = await buildApp({
    database,
    clientDir,
    logLevel: config.logLevel,
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
    standaloneSessions: config.standaloneSessions,
    rooms: { minBatch: config.anonymousMinBatch },
    retention: {
      defaultDays: config.retentionDaysDefault,
      intervalMs: config.retentionIntervalMinutes * 60_000,
    },
  });
  if (!existsSync(clientDir)) {
    app.log.warn('the client is not built; pages are not served (run "pnpm start" from the root)');
  }
  handleSignals(app, database);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    await database.close().catch(() => {});
    fail(`cannot listen on ${config.host}:${config.port}: ${detail}`);
  }
  app.log.info(
    { database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined },
    'Reflectory is ready',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `reflectory: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
