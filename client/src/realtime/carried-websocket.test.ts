import type { BoardOpenResult } from '@reflectory/shared';
import { describe, expect, it } from 'vitest';
import { socketCarriedWebSocket, type CarrierSocket } from './carried-websocket.ts';

type Listener = (...args: never[]) => void;

/** A Socket.IO socket in miniature: records emits, lets the test play the server. */
class FakeSocket {
  connected = false;
  readonly emitted: Array<{ event: string; args: unknown[] }> = [];
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }
  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    this.emitted.push({ event, args });
    return this;
  }
  /** The server (or Socket.IO itself) fires `event`. */
  fire(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])])
      (listener as (...a: unknown[]) => void)(...args);
  }
  listenerCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }
  /** Answers the last `yjs:open` with `result`. */
  answerOpen(result: BoardOpenResult) {
    const open = this.emitted.filter((e) => e.event === 'yjs:open').at(-1);
    (open?.args[1] as (result: BoardOpenResult) => void)(result);
  }
}

function carried(socket: FakeSocket) {
  const Carried = socketCarriedWebSocket(socket as unknown as CarrierSocket, 'session/x/board');
  const ws = new Carried('ignored');
  const seen: string[] = [];
  ws.onopen = () => seen.push('open');
  ws.onmessage = ({ data }) => seen.push(`message ${[...new Uint8Array(data)].join(',')}`);
  ws.onclose = ({ code }) => seen.push(`close ${code}`);
  return { ws, seen };
}

describe('the board carried over the command socket (WebSocketPolyfill)', () => {
  it('opens once the socket is connected and the server acked yjs:open, then carries messages both ways', () => {
    const socket = new FakeSocket();
    const { ws, seen } = carried(socket);
    expect(socket.emitted).toEqual([]);
    socket.connected = true;
    socket.fire('connect');
    expect(socket.emitted[0]?.event).toBe('yjs:open');
    expect(socket.emitted[0]?.args[0]).toBe('session/x/board');
    // A message from an earlier replica, before the ack: dropped.
    socket.fire('yjs', Uint8Array.of(7));
    socket.answerOpen({ ok: true });
    expect(ws.readyState).toBe(ws.OPEN);
    // As Node hands it: a view into a larger buffer.
    const pool = new Uint8Array([9, 9, 0, 1, 2, 9]);
    socket.fire('yjs', pool.subarray(2, 5));
    ws.send(Uint8Array.of(0, 0, 1, 0));
    expect(seen).toEqual(['open', 'message 0,1,2']);
    expect(socket.emitted.at(-1)).toEqual({ event: 'yjs', args: [Uint8Array.of(0, 0, 1, 0)] });
  });

  it('reports the server’s close code, and a refused open, as WebSocket closes', () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const first = carried(socket);
    socket.answerOpen({ ok: true });
    socket.fire('yjs:close', { code: 4403, reason: 'read-only' });
    expect(first.seen).toEqual(['open', 'close 4403']);
    expect(socket.listenerCount()).toBe(0);

    const second = carried(socket);
    // A close meant for the replica before: ignored until this one is open.
    socket.fire('yjs:close', { code: 4400, reason: 'late' });
    socket.answerOpen({ ok: false, code: 4401, reason: 'removed' });
    expect(second.seen).toEqual(['close 4401']);
  });

  it('closes with 1006 when the socket disconnects, and tells the server when closed locally', async () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const lost = carried(socket);
    socket.answerOpen({ ok: true });
    socket.connected = false;
    socket.fire('disconnect');
    expect(lost.seen).toEqual(['open', 'close 1006']);

    socket.connected = true;
    const local = carried(socket);
    socket.answerOpen({ ok: true });
    local.ws.close();
    expect(socket.emitted.at(-1)).toEqual({ event: 'yjs:close', args: [] });
    await Promise.resolve();
    expect(local.seen).toEqual(['open', 'close 1000']);
    expect(socket.listenerCount()).toBe(0);
  });
});
