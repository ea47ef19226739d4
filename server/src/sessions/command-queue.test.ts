import { ErrorCode, type Ack } from '@reflectory/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CommandQueue,
  busyMessage,
  busyRunningMessage,
  unavailableMessage,
} from './command-queue.ts';

const budgetMs = 2000;

function queue(options: { maxLength?: number; stale?: () => boolean } = {}) {
  return new CommandQueue(
    { budgetMs, maxLength: options.maxLength ?? 100 },
    options.stale ?? (() => false),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const okAfter = (ms: number) => async (): Promise<Ack<string>> => {
  await sleep(ms);
  return { ok: true, data: 'done' };
};
const never = () => new Promise<never>(() => undefined);

/** Fills the queue with `count` commands of `ms` each, as a crowd does. */
function crowd(commands: CommandQueue, count: number, ms: number) {
  for (let i = 0; i < count; i += 1) void commands.submit(okAfter(ms));
}

describe('a session’s command queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers a command that ran in time with its own answer', async () => {
    const commands = queue();
    const answer = commands.submit(okAfter(10));
    await vi.advanceTimersByTimeAsync(10);
    expect(await answer).toEqual({ ok: true, data: 'done' });
    expect(commands.length).toBe(0);
  });

  it('refuses a command at once when the queue is full, as a busy board', async () => {
    const commands = queue({ maxLength: 3 });
    for (let i = 0; i < 3; i += 1) void commands.enqueue(never);
    expect(await commands.submit(okAfter(1))).toEqual({
      ok: false,
      error: { code: ErrorCode.rateLimited, message: busyMessage },
    });
  });

  it('a queue that is full behind a store that does not answer refuses as an outage, not as a busy board', async () => {
    const commands = queue({ maxLength: 3 });
    for (let i = 0; i < 3; i += 1) void commands.enqueue(never);
    await vi.advanceTimersByTimeAsync(budgetMs / 2);
    expect(await commands.submit(okAfter(1))).toEqual({
      ok: false,
      error: { code: ErrorCode.unavailable, message: unavailableMessage },
    });
  });

  it('a command still waiting behind a crowd when its time runs out is answered rate_limited and never runs', async () => {
    const commands = queue();
    crowd(commands, 40, 100);
    const ran = vi.fn(okAfter(1));
    const answer = commands.submit(ran);
    await vi.advanceTimersByTimeAsync(budgetMs);
    expect(await answer).toEqual({
      ok: false,
      error: { code: ErrorCode.rateLimited, message: busyMessage },
    });
    await vi.advanceTimersByTimeAsync(40 * 100);
    expect(ran).not.toHaveBeenCalled();
  });

  it('a command running when its time runs out, on a store that answers, is told the board is busy, not that the database is down', async () => {
    const commands = queue();
    crowd(commands, 19, 100);
    const answer = commands.submit(okAfter(300));
    await vi.advanceTimersByTimeAsync(budgetMs);
    expect(await answer).toEqual({
      ok: false,
      error: { code: ErrorCode.unavailable, message: busyRunningMessage },
    });
  });

  it('when one piece of work holds the queue for half the budget, a waiting command is told the store does not answer', async () => {
    const commands = queue();
    void commands.enqueue(never);
    const answer = commands.submit(okAfter(1));
    await vi.advanceTimersByTimeAsync(budgetMs);
    expect(await answer).toEqual({
      ok: false,
      error: { code: ErrorCode.unavailable, message: unavailableMessage },
    });
  });

  it('when a command ahead failed on the store, a command that waited is told the store does not answer', async () => {
    const commands = queue();
    void commands.submit(async (): Promise<Ack<string>> => {
      await sleep(900);
      return { ok: false, error: { code: ErrorCode.unavailable, message: unavailableMessage } };
    });
    crowd(commands, 20, 100);
    const answer = commands.submit(okAfter(1));
    await vi.advanceTimersByTimeAsync(budgetMs);
    expect(await answer).toMatchObject({ error: { message: unavailableMessage } });
  });

  it('while the room is stale after a failed write, a command that waited is told the store does not answer', async () => {
    const commands = queue({ stale: () => true });
    crowd(commands, 40, 100);
    const answer = commands.submit(okAfter(1));
    await vi.advanceTimersByTimeAsync(budgetMs);
    expect(await answer).toMatchObject({ error: { message: unavailableMessage } });
  });

  it('work runs one at a time, in arrival order, whatever fails', async () => {
    const commands = queue();
    const seen: string[] = [];
    const first = commands.enqueue(async () => {
      await sleep(50);
      seen.push('first');
      throw new Error('boom');
    });
    first.catch(() => undefined);
    const second = commands.enqueue(async () => {
      seen.push('second');
      return 2;
    });
    await vi.advanceTimersByTimeAsync(50);
    await expect(first).rejects.toThrow('boom');
    expect(await second).toBe(2);
    expect(seen).toEqual(['first', 'second']);
  });
});
