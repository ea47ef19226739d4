import type { Database } from '@reflectory/server';
import { describe } from 'vitest';
import {
  createScratchPostgres,
  openMigratedPglite,
  openMigratedPostgres,
  type ScratchPostgres,
} from './databases.ts';
import { describeWith, realPostgres, testDatabaseUrl } from './suites.ts';

export type DatabaseSuite = (open: () => Promise<Database>, dispose: () => Promise<void>) => void;

/**
 * Runs one suite on embedded PGlite and on real PostgreSQL (a fresh scratch database per run);
 * without TEST_DATABASE_URL the PostgreSQL run is reported as skipped, and fails under CI=true.
 */
export function describeOnEachDatabase(name: string, suite: DatabaseSuite): void {
  describe(`${name} on PGlite`, () => {
    suite(openMigratedPglite, async () => {});
  });

  describeWith(`${name} on PostgreSQL`, realPostgres, () => {
    let scratch: ScratchPostgres;
    suite(
      async () => {
        scratch = await createScratchPostgres(testDatabaseUrl ?? '');
        return openMigratedPostgres(scratch.url);
      },
      () => scratch.drop(),
    );
  });
}
