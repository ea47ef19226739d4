import { randomUUID } from 'node:crypto';
import {
  readBoard,
  type Ack,
  type BoardView,
  type ClientToServerEvents,
  type CommandName,
  type CommandResults,
  type FacilitatorView,
  type Membership,
  type PrivateView,
  type ServerToClientEvents,
  boardDocName,
} from '@reflectory/shared';
import { io, type Socket } from 'socket.io-client';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { socketCarriedWebSocket } from '../../client/src/realtime/carried-websocket.ts';

/**
 * A participant as a browser would be: a cookie jar for the device cookie, HTTP calls, a
 * Socket.IO connection for commands and a y-websocket replica of the board.
 */
export class TestBrowser {
  cookie: string | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly origin?: string,
  ) {}

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.origin) headers.origin = this.origin;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return { status: response.status, body: (await response.json()) as T };
  }

  async createSession(title: string, facilitatorName: string): Promise<Membership> {
    const { status, body } = await this.request<Membership>('POST', '/api/sessions', {
      title,
      facilitatorName,
    });
    if (status !== 201) throw new Error(`create failed: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  async join(code: string, displayName: string): Promise<Membership> {
    const { status, body } = await this.request<Membership>('POST', '/api/join', {
      code,
      displayName,
    });
    if (status !== 200) throw new Error(`join failed: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  /**
   * Connects as this browser. `board: 'carried'` holds the board over the Socket.IO connection,
   * as the browser client does; `'yjs'` (the default) over its own WebSocket at /yjs/<doc>, as a
   * standard y-websocket client does.
   */
  connect(sessionId: string, options: { board?: BoardCarrier } = {}): LiveConnection {
    return new LiveConnection(this.baseUrl, sessionId, this.cookie ?? '', options.board ?? 'yjs');
  }
}

/** A WebSocket class for y-websocket that sends the cookie, as a browser would. */
export function cookieWebSocket(cookie: string, origin?: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, ...(origin ? { origin } : {}) } });
    }
  } as typeof WebSocket;
}

export type BoardCarrier = 'yjs' | 'carried';

export class LiveConnection {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** The latest views the server pushed to this connection. */
  privateView: PrivateView | undefined;
  facilitationView: FacilitatorView | undefined;

  constructor(
    baseUrl: string,
    sessionId: string,
    cookie: string,
    readonly carrier: BoardCarrier = 'yjs',
  ) {
    this.socket = io(baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      auth: { sessionId },
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.on('view:private', (view) => (this.privateView = view));
    this.socket.on('view:facilitation', (view) => (this.facilitationView = view));
    const docName = boardDocName(sessionId);
    const polyfill =
      carrier === 'carried'
        ? socketCarriedWebSocket(this.socket, docName)
        : cookieWebSocket(cookie);
    this.provider = new WebsocketProvider(
      carrier === 'carried' ? `${baseUrl}/socket.io` : `${baseUrl.replace(/^http/, 'ws')}/yjs`,
      docName,
      this.doc,
      {
        WebSocketPolyfill: polyfill as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 500,
      },
    );
  }

  board(): BoardView {
    return readBoard(this.doc);
  }

  /** Sends a command with a fresh command id (or the one given, to retry) and waits for its ack. */
  command<K extends CommandName>(
    name: K,
    payload: Omit<Parameters<ClientToServerEvents[K]>[0], 'commandId'> & { commandId?: string },
    timeoutMs = 10_000,
  ): Promise<Ack<CommandResults[K]>> {
    const full = { commandId: randomUUID(), ...payload } as Parameters<ClientToServerEvents[K]>[0];
    return (this.socket.timeout(timeoutMs) as unknown as Socket).emitWithAck(name, full) as Promise<
      Ack<CommandResults[K]>
    >;
  }

  async waitUntilSynced(timeoutMs = 10_000): Promise<void> {
    await waitFor(() => this.provider.synced && this.socket.connected, timeoutMs, 'synced');
  }

  async waitForBoard(
    predicate: (board: BoardView) => boolean,
    timeoutMs = 10_000,
  ): Promise<BoardView> {
    await waitFor(() => predicate(this.board()), timeoutMs, 'board condition');
    return this.board();
  }

  /** Facilitator: moves the session to the step with this id. */
  async goTo(stepId: string): Promise<void> {
    await this.waitForBoard((board) => board.steps.length > 0);
    const stepIndex = this.board().steps.findIndex((step) => step.id === stepId);
    if (stepIndex < 0) throw new Error(`no step ${stepId}`);
    const result = await this.command('step:go', { stepIndex });
    if (!result.ok) throw new Error(`step:go failed: ${result.error.message}`);
    await this.waitForBoard((board) => board.currentStep?.id === stepId);
  }

  /** Participant: accepts the agreement, as everyone must before contributing. */
  async accept(): Promise<void> {
    const result = await this.command('agreement:accept', {});
    if (!result.ok) throw new Error(`agreement:accept failed: ${result.error.message}`);
  }

  /** Names present according to awareness, which only the server fills. */
  roster(): string[] {
    return [...this.provider.awareness.getStates().entries()]
      .filter(([clientId]) => clientId !== this.doc.clientID)
      .map(([, state]) => String((state as { name?: unknown }).name ?? ''))
      .sort();
  }

  close(): void {
    this.provider.destroy();
    this.socket.close();
    this.doc.destroy();
  }
}

export async function waitFor(
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
