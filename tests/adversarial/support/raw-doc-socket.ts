import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** y-websocket message types and sync steps, as y-protocols numbers them. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

export type ServerMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'other'; type: number };

export interface Received {
  /** performance.now() when the frame arrived. */
  at: number;
  bytes: Uint8Array;
  message: ServerMessage;
}

export function decodeServerMessage(bytes: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.sync) {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === SyncStep.step1) return { kind: 'syncStep1', stateVector: payload };
    return { kind: step === SyncStep.step2 ? 'syncStep2' : 'update', update: payload };
  }
  if (type === MessageType.awareness) {
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(inner);
    const entries: AwarenessEntry[] = [];
    for (let index = 0; index < count; index += 1) {
      const clientId = decoding.readVarUint(inner);
      const clock = decoding.readVarUint(inner);
      const state = JSON.parse(decoding.readVarString(inner)) as Record<string, unknown> | null;
      entries.push({ clientId, clock, state });
    }
    return { kind: 'awareness', entries };
  }
  return { kind: 'other', type };
}

export function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MessageType.awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(inner));
  return encoding.toUint8Array(message);
}

export function encodeQueryAwareness(): Uint8Array {
  return Uint8Array.of(MessageType.queryAwareness);
}

export interface DocSocketOptions {
  cookie?: string | undefined;
  origin?: string | undefined;
}

/** Thrown when the server refuses the WebSocket handshake with an HTTP status. */
export class HandshakeRefused extends Error {
  constructor(readonly status: number) {
    super(`handshake refused with HTTP ${status}`);
  }
}

/**
 * A hand-driven y-websocket replica: no provider logic, just messages. It records every message the
 * server sends (with its arrival time), keeps its own replica from the server's updates, and sends
 * whatever bytes an attacker chooses. Subclasses carry it: a raw WebSocket at /yjs/<doc>
 * (`RawDocSocket`) or the Socket.IO command connection (`RawCarriedBoard`).
 */
export abstract class RawBoard {
  readonly received: Received[] = [];
  readonly replica = new Y.Doc();
  closeEvent: { code: number; reason: string } | undefined;
  readonly closed: Promise<{ code: number; reason: string }>;
  private resolveClosed: (close: { code: number; reason: string }) => void = () => undefined;

  protected constructor() {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
  }

  protected receive(bytes: Uint8Array): void {
    const message = decodeServerMessage(bytes);
    this.received.push({ at: performance.now(), bytes, message });
    if (message.kind === 'syncStep2' || message.kind === 'update') {
      Y.applyUpdate(this.replica, message.update, 'server');
    }
  }

  protected closedWith(code: number, reason: string): void {
    if (this.closeEvent) return;
    this.closeEvent = { code, reason };
    this.resolveClosed(this.closeEvent);
  }

  abstract get isOpen(): boolean;
  /** Sends bytes as one binary message. */
  abstract send(bytes: Uint8Array): void;
  /** Sends text where the protocol wants binary (a text frame, or a string in a `yjs` event). */
  abstract sendText(text: string): void;
  abstract close(): void;

  /** Sends sync step 1 with the replica's state vector and waits for the server's step 2. */
  async sync(timeoutMs = 5000): Promise<void> {
    const before = this.count('syncStep2');
    this.send(encodeSync(SyncStep.step1, Y.encodeStateVector(this.replica)));
    await waitUntil(() => this.count('syncStep2') > before, timeoutMs, 'sync step 2');
  }

  count(kind: ServerMessage['kind']): number {
    return this.received.filter((frame) => frame.message.kind === kind).length;
  }

  /** Every document update the server sent, sync step 2 included. */
  updates(): Uint8Array[] {
    return this.received.flatMap((frame) =>
      frame.message.kind === 'syncStep2' || frame.message.kind === 'update'
        ? [frame.message.update]
        : [],
    );
  }

  /** Awareness as this connection has been told it, latest clock per client, removals applied. */
  awareness(): Map<number, AwarenessEntry> {
    const states = new Map<number, AwarenessEntry>();
    for (const frame of this.received) {
      if (frame.message.kind !== 'awareness') continue;
      for (const entry of frame.message.entries) {
        const known = states.get(entry.clientId);
        if (known && known.clock > entry.clock) continue;
        if (entry.state === null) states.delete(entry.clientId);
        else states.set(entry.clientId, entry);
      }
    }
    return states;
  }
}

/** The board over a raw WebSocket at /yjs/<doc>. */
export class RawDocSocket extends RawBoard {
  private constructor(readonly ws: WebSocket) {
    super();
    ws.on('close', (code, reason) => this.closedWith(code, reason.toString()));
    ws.on('message', (data, isBinary) => {
      if (isBinary) this.receive(new Uint8Array(data as Buffer));
    });
  }

  /** Opens the socket; rejects with `HandshakeRefused` when the server answers the upgrade with a status. */
  static open(url: string, options: DocSocketOptions = {}): Promise<RawDocSocket> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.origin) headers.origin = options.origin;
    const ws = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      ws.on('unexpected-response', (_request, response) => {
        reject(new HandshakeRefused(response.statusCode ?? 0));
        ws.terminate();
      });
      ws.on('error', (error) => reject(error));
      ws.on('open', () => resolve(new RawDocSocket(ws)));
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(bytes: Uint8Array): void {
    if (this.isOpen) this.ws.send(bytes);
  }

  sendText(text: string): void {
    if (this.isOpen) this.ws.send(text);
  }

  close(): void {
    this.ws.terminate();
    this.replica.destroy();
  }
}

/** Thrown when the server answers `yjs:open` with a close code instead of opening the board. */
export class CarriageRefused extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(`board refused with ${code}: ${reason}`);
  }
}

/**
 * The board carried over a Socket.IO connection (`yjs` events), as the browser holds it, driven by
 * hand. The connection dropping altogether is recorded as close code 1006.
 */
export class RawCarriedBoard extends RawBoard {
  private constructor(readonly socket: Socket) {
    super();
    socket.on('yjs', (message: ArrayBuffer | Uint8Array) => this.receive(new Uint8Array(message)));
    socket.on('yjs:close', ({ code, reason }: { code: number; reason: string }) =>
      this.closedWith(code, reason),
    );
    socket.on('disconnect', (reason) => this.closedWith(1006, `disconnected: ${reason}`));
  }

  /** Connects as the cookie's person and opens `docName`; rejects with `CarriageRefused`. */
  static async open(
    baseUrl: string,
    sessionId: string,
    cookie: string,
    docName: string,
  ): Promise<RawCarriedBoard> {
    const socket = io(baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      auth: { sessionId },
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    const board = new RawCarriedBoard(socket);
    const result = (await socket.timeout(5000).emitWithAck('yjs:open', docName)) as
      { ok: true } | { ok: false; code: number; reason: string };
    if (!result.ok) {
      socket.close();
      throw new CarriageRefused(result.code, result.reason);
    }
    return board;
  }

  get isOpen(): boolean {
    return this.closeEvent === undefined && this.socket.connected;
  }

  send(bytes: Uint8Array): void {
    if (this.isOpen) this.socket.emit('yjs', bytes);
  }

  sendText(text: string): void {
    if (this.isOpen) this.socket.emit('yjs', text);
  }

  close(): void {
    this.socket.close();
    this.replica.destroy();
  }
}

/** Tries a WebSocket handshake: the HTTP status it was refused with, or 101 if it was accepted. */
export async function handshakeStatus(
  url: string,
  options: DocSocketOptions = {},
): Promise<number> {
  try {
    const socket = await RawDocSocket.open(url, options);
    socket.close();
    return 101;
  } catch (error) {
    if (error instanceof HandshakeRefused) return error.status;
    return 0;
  }
}

export async function waitUntil(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
