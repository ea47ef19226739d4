import type { Ack, CommandName } from '@reflectory/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Outbox, type CommandTransport, type OutboxStorage } from './outbox.ts';

interface Sent {
  name: CommandName;
  payload: { commandId: string };
  answer(ack: Ack<unknown>): void;
  timeOut(): void;
}

/** A connection under the test's control: it records every send and answers when told. */
class FakeTransport implements CommandTransport {
  connected = true;
  sent: Sent[] = [];
  private listeners = new Set<() => void>();

  send(name: CommandName, payload: { commandId: string }) {
    return new Promise<never>((resolve, reject) => {
      this.sent.push({
        name,
        payload,
        answer: (ack) => resolve(ack as never),
        timeOut: () => reject(new Error('operation has timed out')),
      });
    });
  }

  onConnect(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reconnect() {
    this.connected = true;
    for (const listener of this.listeners) listener();
  }

  last(): Sent {
    const sent = this.sent.at(-1);
    if (!sent) throw new Error('nothing was sent');
    return sent;
  }
}

const flush = () => vi.advanceTimersByTimeAsync(0);
const noteAdded = { ok: true, data: { noteId: '10000000-0000-4000-8000-000000000001' } } as const;
const unavailable = {
  ok: false,
  error: { code: 'unavailable', message: 'Saving is paused.' },
} as const;

describe('outbox', () => {
  let transport: FakeTransport;
  let outbox: Outbox;

  beforeEach(() => {
    vi.useFakeTimers();
    transport = new FakeTransport();
    outbox = new Outbox({ retryDelayMs: (attempt) => attempt * 1000 });
    outbox.attach(transport);
  });

  afterEach(() => {
    outbox.detach();
    vi.useRealTimers();
  });

  it('a command is pending until acked, then saved with its result', async () => {
    const id = outbox.enqueue('note:add', { areaId: 'what', text: 'hello' });
    expect(outbox.getSnapshot()).toMatchObject([{ commandId: id, state: 'pending' }]);
    expect(transport.last().payload).toEqual({ commandId: id, areaId: 'what', text: 'hello' });
    transport.last().answer(noteAdded);
    await flush();
    expect(outbox.getSnapshot()).toMatchObject([{ state: 'saved', result: noteAdded.data }]);
  });

  it('while disconnected nothing is sent; on connect the command goes with the same id', async () => {
    transport.connected = false;
    const id = outbox.enqueue('note:add', { areaId: 'what', text: 'offline' });
    expect(transport.sent).toHaveLength(0);
    transport.reconnect();
    expect(transport.sent.map((sent) => sent.payload.commandId)).toEqual([id]);
  });

  it('an ack lost with the connection is sent again, with the same id, when it comes back', async () => {
    const id = outbox.enqueue('note:edit', { noteId: noteAdded.data.noteId, text: 'changed' });
    transport.connected = false;
    transport.reconnect();
    expect(transport.sent.map((sent) => sent.payload.commandId)).toEqual([id, id]);
    transport.sent[0]?.timeOut();
    transport.last().answer({ ok: true, data: { noteId: noteAdded.data.noteId } });
    await flush();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(transport.sent).toHaveLength(2);
    expect(outbox.getSnapshot()).toMatchObject([{ state: 'saved' }]);
  });

  it('"unavailable" keeps the command pending and retries it with backoff, same id', async () => {
    const id = outbox.enqueue('note:add', { areaId: 'what', text: 'later' });
    transport.last().answer(unavailable);
    await flush();
    expect(outbox.getSnapshot()).toMatchObject([{ state: 'pending', error: unavailable.error }]);
    await vi.advanceTimersByTimeAsync(999);
    expect(transport.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.sent).toHaveLength(2);
    transport.last().answer(unavailable);
    await flush();
    await vi.advanceTimersByTimeAsync(1999);
    expect(transport.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.sent.map((sent) => sent.payload.commandId)).toEqual([id, id, id]);
    transport.last().answer(noteAdded);
    await flush();
    expect(outbox.getSnapshot()).toMatchObject([{ state: 'saved', error: undefined }]);
  });

  it('a refusal is final: the command is kept with its text and the message, until retried or discarded', async () => {
    const id = outbox.enqueue('note:add', { areaId: 'what', text: 'kept' });
    const refusal = {
      ok: false,
      error: { code: 'conflict', message: 'This session has ended.' },
    } as const;
    transport.last().answer(refusal);
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.sent).toHaveLength(1);
    expect(outbox.getSnapshot()).toMatchObject([
      { state: 'failed', error: refusal.error, payload: { text: 'kept' } },
    ]);
    outbox.retry(id);
    expect(transport.sent.map((sent) => sent.payload.commandId)).toEqual([id, id]);
    transport.last().answer(refusal);
    await flush();
    outbox.discard(id);
    expect(outbox.getSnapshot()).toEqual([]);
  });

  it('a saved command is dropped once the board shows it, not before', async () => {
    outbox.enqueue('note:add', { areaId: 'what', text: 'shown' });
    transport.last().answer(noteAdded);
    await flush();
    outbox.settle(() => false);
    expect(outbox.getSnapshot()).toHaveLength(1);
    outbox.settle(() => true);
    expect(outbox.getSnapshot()).toEqual([]);
  });

  it('unacknowledged commands survive a reload through storage; saved ones do not', async () => {
    let stored: unknown;
    const storage: OutboxStorage = { load: () => stored, save: (entries) => (stored = entries) };
    const first = new Outbox({ storage });
    transport.connected = false;
    first.attach(transport);
    const kept = first.enqueue('note:add', { areaId: 'what', text: 'typed offline' });
    first.detach();

    const second = new Outbox({ storage });
    expect(second.getSnapshot()).toMatchObject([
      { commandId: kept, state: 'pending', payload: { text: 'typed offline' } },
    ]);
    transport.reconnect();
    second.attach(transport);
    expect(transport.last().payload.commandId).toBe(kept);
    transport.last().answer(noteAdded);
    await flush();
    expect(stored).toEqual([]);
    second.detach();
  });

  it('stored entries that do not parse are ignored', () => {
    const storage: OutboxStorage = {
      load: () => [{ name: 'note:add', payload: { commandId: 'not-a-uuid' } }, { name: 'nope' }, 7],
      save: () => undefined,
    };
    expect(new Outbox({ storage }).getSnapshot()).toEqual([]);
  });
});
