export { buildApp, type AppDeps } from './app.ts';
export { parseConfig, ConfigError, type Config } from './config.ts';
export {
  createMemoryLimits,
  defaultLimitSettings,
  type LimitSettings,
  type RealtimeLimits,
} from './realtime/realtime-limits.ts';
export {
  openPglite,
  openPostgres,
  migrationsFolder,
  DatabaseUnavailableError,
  type Database,
  type Db,
} from './db/database.ts';
export {
  createSessionsRepository,
  type SessionsRepository,
  type SessionRecord,
  type NewSession,
} from './db/sessions-repository.ts';
export { receiptKey } from './db/receipts-repository.ts';
