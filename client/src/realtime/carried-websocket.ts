import type { BoardOpenResult } from '@reflectory/shared';

/** The part of a Socket.IO client socket the carriage uses (the browser's or the benchmark's). */
export interface CarrierSocket {
  readonly connected: boolean;
  on(event: 'yjs', listener: (message: ArrayBuffer | Uint8Array) => void): unknown;
  on(event: 'yjs:close', listener: (close: CloseInfo) => void): unknown;
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  off(event: 'yjs', listener: (message: ArrayBuffer | Uint8Array) => void): unknown;
  off(event: 'yjs:close', listener: (close: CloseInfo) => void): unknown;
  off(event: 'connect' | 'disconnect', listener: () => void): unknown;
  emit(event: 'yjs', message: Uint8Array): unknown;
  emit(event: 'yjs:open', docName: string, ack: (result: BoardOpenResult) => void): unknown;
  emit(event: 'yjs:close'): unknown;
}

interface CloseInfo {
  code: number;
  reason: string;
}

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** What a lost command connection looks like to the replica: an abnormal close, so it resyncs. */
const lostConnection: CloseInfo = { code: 1006, reason: 'the connection to the server was lost' };

function toArrayBuffer(message: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (message instanceof ArrayBuffer) return message; // the browser
  // Node hands a Buffer, often a view into a larger pool (and whose `slice` does not copy):
  // copy out exactly its bytes.
  return new Uint8Array(message).buffer;
}

/**
 * A WebSocket-compatible class for y-websocket's `WebsocketProvider` (`WebSocketPolyfill`) that
 * carries the y-websocket protocol for `docName` over an existing Socket.IO connection, so a person
 * holds one connection instead of two. Each instance is one replica: it opens once the socket is
 * connected and the server has acked `yjs:open`, and it closes (so the provider reconnects and
 * resyncs) when the socket disconnects, when the server sends `yjs:close` with a WebSocket close
 * code (4403, 4401, 4410 …, which the provider treats exactly as on a real WebSocket), or when
 * the provider closes it. It depends on no DOM API: the benchmark's Node clients use it too.
 */
export function socketCarriedWebSocket(socket: CarrierSocket, docName: string) {
  return class CarriedWebSocket {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSING = CLOSING;
    static readonly CLOSED = CLOSED;
    readonly CONNECTING = CONNECTING;
    readonly OPEN = OPEN;
    readonly CLOSING = CLOSING;
    readonly CLOSED = CLOSED;

    readyState: number = CONNECTING;
    binaryType = 'arraybuffer';
    readonly protocol = '';
    onopen: ((event: { type: 'open' }) => void) | null = null;
    onmessage: ((event: { type: 'message'; data: ArrayBuffer }) => void) | null = null;
    onclose: ((event: { type: 'close'; wasClean: boolean } & CloseInfo) => void) | null = null;
    onerror: ((event: { type: 'error' }) => void) | null = null;
    /** Whether the server has been asked to open this replica (and so must be told it closed). */
    private requested = false;

    constructor(
      readonly url: string,
      _protocols?: string | string[],
    ) {
      socket.on('yjs', this.receive);
      socket.on('yjs:close', this.closedByServer);
      socket.on('disconnect', this.lost);
      if (socket.connected) this.request();
      else socket.on('connect', this.request);
    }

    send(data: ArrayBuffer | Uint8Array): void {
      if (this.readyState !== OPEN) return;
      socket.emit('yjs', data instanceof Uint8Array ? data : new Uint8Array(data));
    }

    close(code = 1000, reason = ''): void {
      if (this.readyState === CLOSING || this.readyState === CLOSED) return;
      if (this.requested && socket.connected) socket.emit('yjs:close');
      this.readyState = CLOSING;
      this.release();
      // A WebSocket reports its close later, never from inside close().
      queueMicrotask(() => this.finish({ code, reason }));
    }

    private readonly request = () => {
      socket.off('connect', this.request);
      if (this.readyState !== CONNECTING) return;
      this.requested = true;
      socket.emit('yjs:open', docName, (result: BoardOpenResult) => {
        // Closed meanwhile: the server drops whatever it opened when it reads our `yjs:close`.
        if (this.readyState !== CONNECTING) return;
        if (!result.ok) return this.finish(result);
        this.readyState = OPEN;
        this.onopen?.({ type: 'open' });
      });
    };

    // Messages and closes before our open was acked belong to an earlier replica: dropped.
    private readonly receive = (message: ArrayBuffer | Uint8Array) => {
      if (this.readyState === OPEN)
        this.onmessage?.({ type: 'message', data: toArrayBuffer(message) });
    };

    private readonly closedByServer = (close: CloseInfo) => {
      if (this.readyState === OPEN) this.finish(close);
    };

    private readonly lost = () => {
      if (this.readyState === CLOSING || this.readyState === CLOSED) return;
      this.onerror?.({ type: 'error' });
      this.finish(lostConnection);
    };

    private release(): void {
      socket.off('yjs', this.receive);
      socket.off('yjs:close', this.closedByServer);
      socket.off('disconnect', this.lost);
      socket.off('connect', this.request);
    }

    private finish({ code, reason }: CloseInfo): void {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      this.release();
      this.onclose?.({ type: 'close', code, reason, wasClean: code !== 1006 });
    }
  };
}
