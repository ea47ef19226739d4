import { randomUUID } from 'node:crypto';
import {
  createSessionsRepository,
  type Database,
  type SessionsRepository,
} from '@reflectory/server';
import { defaultAgreementText, defaultModelId, findModel } from '@reflectory/shared';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../support/each-database.ts';

/** One contract, run against every driver: what the rest of the server may rely on. */
function sessionsRepositoryContract(open: () => Promise<Database>, dispose: () => Promise<void>) {
  let database: Database;
  let repo: SessionsRepository;
  const t0 = new Date('2026-11-01T09:00:00.000Z');
  const model = findModel(defaultModelId);
  const snapshot = { model, agreementText: defaultAgreementText };

  beforeAll(async () => {
    database = await open();
    repo = createSessionsRepository(database.db);
  });
  afterAll(async () => {
    await database.close();
    await dispose();
  });

  let code: string;
  beforeEach(() => {
    // Codes are unique per test so that tests share one database without colliding.
    code = randomUUID().slice(0, 6).toUpperCase();
  });

  it('stores a session and finds it by id and by its join code', async () => {
    const id = randomUUID();
    expect(
      await repo.create({
        id,
        title: 'Ward 7 debrief',
        joinCode: code,
        createdAt: t0,
        ...snapshot,
      }),
    ).toEqual({
      ok: true,
    });
    const expected = {
      id,
      title: 'Ward 7 debrief',
      joinCode: code,
      createdAt: t0,
      closedAt: null,
      // A standalone session: no team, nothing scheduled, nothing to review, nothing purged.
      teamId: null,
      createdBy: null,
      scheduledFor: null,
      previousActions: [],
      purgedAt: null,
      ...snapshot,
    };
    expect(await repo.findById(id)).toEqual(expected);
    expect(await repo.findOpenByJoinCode(code)).toEqual(expected);
  });

  it('answers undefined for an unknown id or code', async () => {
    expect(await repo.findById(randomUUID())).toBeUndefined();
    expect(await repo.findOpenByJoinCode('ZZZZZZ')).toBeUndefined();
  });

  it('refuses a join code that an open session holds', async () => {
    await repo.create({ id: randomUUID(), title: 'a', joinCode: code, createdAt: t0, ...snapshot });
    expect(
      await repo.create({
        id: randomUUID(),
        title: 'b',
        joinCode: code,
        createdAt: t0,
        ...snapshot,
      }),
    ).toEqual({
      ok: false,
      reason: 'join_code_taken',
    });
  });

  it('closes a session once; its code no longer answers and may be reused', async () => {
    const first = randomUUID();
    await repo.create({ id: first, title: 'a', joinCode: code, createdAt: t0, ...snapshot });
    const closedAt = new Date('2026-11-01T10:30:00.000Z');
    expect(await repo.close(first, closedAt)).toBe(true);
    expect(await repo.close(first, closedAt)).toBe(false);
    expect((await repo.findById(first))?.closedAt).toEqual(closedAt);
    expect(await repo.findOpenByJoinCode(code)).toBeUndefined();

    const second = randomUUID();
    expect(
      await repo.create({ id: second, title: 'b', joinCode: code, createdAt: t0, ...snapshot }),
    ).toEqual({
      ok: true,
    });
    expect((await repo.findOpenByJoinCode(code))?.id).toBe(second);
  });

  it('closing an unknown session reports false', async () => {
    expect(await repo.close(randomUUID(), t0)).toBe(false);
  });

  it('running the migrations again changes nothing', async () => {
    const id = randomUUID();
    await repo.create({ id, title: 'kept', joinCode: code, createdAt: t0, ...snapshot });
    await database.migrate();
    expect((await repo.findById(id))?.title).toBe('kept');
  });
}

describeOnEachDatabase('sessions repository', sessionsRepositoryContract);
