import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export interface Requirement {
  available: boolean;
  /** Why the suite cannot run here, shown in the skipped suite's name. */
  reason: string;
}

const underCi = process.env.CI === 'true';

/**
 * A suite that needs something from the machine (a browser, a real PostgreSQL). Without it the
 * suite is reported as skipped with the reason; under CI=true it fails instead, because CI must
 * run every suite.
 */
export function describeWith(name: string, requirement: Requirement, body: () => void): void {
  if (requirement.available) {
    describe(name, body);
  } else if (underCi) {
    describe(name, () => {
      it(`cannot run: ${requirement.reason}`, () => {
        throw new Error(
          `${name} needs ${requirement.reason}; CI=true does not allow skipped suites`,
        );
      });
    });
  } else {
    describe.skipIf(true)(`${name} [skipped: ${requirement.reason}]`, body);
  }
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromium: Requirement = {
  available: existsSync(chromiumPath),
  reason: `Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`,
};

export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

export const realPostgres: Requirement = {
  available: testDatabaseUrl !== undefined && testDatabaseUrl !== '',
  reason: 'TEST_DATABASE_URL pointing at a PostgreSQL server',
};
