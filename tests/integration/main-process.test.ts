import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSessionsRepository,
  openPglite,
  openPostgres,
  type Database,
} from '@reflectory/server';
import { defaultAgreementText, defaultModelId, findModel } from '@reflectory/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchPostgres, type ScratchPostgres } from '../support/databases.ts';
import { runServerCommand, startServerProcess } from '../support/server-process.ts';
import { describeWith, realPostgres, testDatabaseUrl } from '../support/suites.ts';

async function seedSession(database: Database, title: string): Promise<string> {
  const id = randomUUID();
  const joinCode = randomUUID().slice(0, 6).toUpperCase();
  await createSessionsRepository(database.db).create({
    id,
    title,
    joinCode,
    model: findModel(defaultModelId),
    agreementText: defaultAgreementText,
    createdAt: new Date(),
  });
  return id;
}

/** Start, check, stop with SIGTERM, write a row while it is down, start again: the row is there. */
function restartKeepsData(env: () => Record<string, string>, open: () => Promise<Database>) {
  it('starts, answers /readyz, stops cleanly on SIGTERM, and keeps its data across a restart', async () => {
    const first = await startServerProcess(env());
    expect((await fetch(`${first.baseUrl}/readyz`)).status).toBe(200);
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('shutting down');

    const database = await open();
    const id = await seedSession(database, 'Kept across restarts');
    await database.close();

    const second = await startServerProcess(env());
    expect((await fetch(`${second.baseUrl}/readyz`)).status).toBe(200);
    expect(await second.stop('SIGINT')).toBe(0);

    const reopened = await open();
    try {
      expect((await createSessionsRepository(reopened.db).findById(id))?.title).toBe(
        'Kept across restarts',
      );
    } finally {
      await reopened.close();
    }
  });
}

describe('main.ts start-up failures', () => {
  it.each([
    [{ PORT: 'eighty' }, /^reflectory: invalid configuration: PORT/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, /^reflectory: invalid configuration: DATABASE_URL/],
    [{ LOG_LEVEL: 'chatty' }, /^reflectory: invalid configuration: LOG_LEVEL/],
  ])('refuses %o with one clear line and exit code 1', async (env, pattern) => {
    const result = await runServerCommand(env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('an unreachable DATABASE_URL stops start-up with one line that names it, without the password', async () => {
    const result = await runServerCommand({
      DATABASE_URL: 'postgres://someone:s3cret@127.0.0.1:1/reflectory',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^reflectory: cannot reach PostgreSQL at 127\.0\.0\.1:1\/reflectory: /,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('s3cret');
  });

  it('an unknown command is refused', async () => {
    const result = await runServerCommand({}, ['explode']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown command "explode"/);
  });
});

describe('main.ts on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'reflectory-data-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('`migrate` applies the migrations and exits 0, twice in a row', async () => {
    for (let run = 0; run < 2; run += 1) {
      const result = await runServerCommand({ DATA_DIR: dataDir }, ['migrate']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('migrations applied (pglite)');
    }
  });

  restartKeepsData(
    () => ({ DATA_DIR: dataDir }),
    () => openPglite(dataDir),
  );
});

describeWith('main.ts on PostgreSQL', realPostgres, () => {
  let scratch: ScratchPostgres;
  beforeAll(async () => {
    scratch = await createScratchPostgres(testDatabaseUrl ?? '');
  });
  afterAll(async () => {
    await scratch.drop();
  });

  restartKeepsData(
    () => ({ DATABASE_URL: scratch.url }),
    () => openPostgres(scratch.url),
  );
});
