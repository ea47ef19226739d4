import { randomUUID } from 'node:crypto';
import { boardDocName, commandSchemas, readBoard } from '@reflectory/shared';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { stopAwarenessEcho } from '../../../client/src/realtime/awareness-echo.ts';
import { socketCarriedWebSocket } from '../../../client/src/realtime/carried-websocket.ts';
import type { Member } from '../seed.ts';
import { now } from '../stats.ts';

export interface Ack {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

/** A WebSocket class for y-websocket that sends the device cookie, as a browser would. */
function cookieWebSocket(cookie: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  } as typeof WebSocket;
}

export interface ParticipantOptions {
  /** Hold a Socket.IO connection for commands. */
  commands: boolean;
  /**
   * Hold a y-websocket replica of the board: carried over the command connection (what the
   * browser does; needs `commands`), or over its own WebSocket at /yjs/<doc> (a standard client).
   */
  replica: false | 'carried' | 'yjs';
}

/**
 * One participant of our server, as the browser client is: Socket.IO for commands, y-websocket's
 * own `WebsocketProvider` for the read-only board, carried over the same connection by the
 * browser's own polyfill (client/src/realtime/carried-websocket.ts). Commands are sent untyped so that the harness
 * runs against every version of the protocol; `commandExists` tells which commands this one has.
 */
export class OurParticipant {
  readonly doc = new Y.Doc();
  readonly socket: Socket | undefined;
  readonly provider: WebsocketProvider | undefined;

  constructor(
    readonly member: Member,
    baseUrl: string,
    options: ParticipantOptions,
  ) {
    if (options.commands) {
      this.socket = io(baseUrl, {
        transports: ['websocket'],
        extraHeaders: { cookie: member.cookie },
        auth: { sessionId: member.sessionId },
        forceNew: true,
        reconnectionDelay: 200,
        reconnectionDelayMax: 2000,
      });
    }
    if (options.replica) {
      const docName = boardDocName(member.sessionId);
      const carried = options.replica === 'carried';
      if (carried && !this.socket) throw new Error('a carried board needs the command connection');
      const polyfill =
        carried && this.socket
          ? socketCarriedWebSocket(this.socket, docName)
          : cookieWebSocket(member.cookie);
      this.provider = new WebsocketProvider(
        carried ? `${baseUrl}/socket.io` : `${baseUrl.replace(/^http/, 'ws')}/yjs`,
        docName,
        this.doc,
        {
          WebSocketPolyfill: polyfill as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          maxBackoffTime: 2000,
        },
      );
      // As the browser: a read-only replica claims no presence, so it sends none.
      stopAwarenessEcho(this.provider);
    }
  }

  get ready(): boolean {
    return (this.socket?.connected ?? true) && (this.provider?.synced ?? true);
  }

  /**
   * Sends a command and resolves with its ack and how long it took (ms). Like the web app's
   * outbox, a command refused `rate_limited` is sent again, with the same id, after a pause; the
   * time includes the waits.
   */
  async command(
    name: string,
    payload: Record<string, unknown>,
    timeoutMs = 10_000,
  ): Promise<{ ack: Ack; ms: number }> {
    const socket = this.socket;
    if (!socket) throw new Error('this participant holds no command connection');
    const started = now();
    const full = { commandId: randomUUID(), ...payload };
    for (let attempt = 1; ; attempt += 1) {
      const ack = await new Promise<Ack>((resolve) => {
        socket.timeout(timeoutMs).emit(name, full, (error: unknown, answer: Ack) => {
          resolve(
            error ? { ok: false, error: { code: 'timeout', message: String(error) } } : answer,
          );
        });
      });
      if (ack.ok || ack.error?.code !== 'rate_limited' || attempt === 10) {
        return { ack, ms: now() - started };
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }

  close(): void {
    this.provider?.destroy();
    this.socket?.close();
    this.doc.destroy();
  }
}

export function commandExists(name: string): boolean {
  return name in commandSchemas;
}

/**
 * Where a note goes now: the current step where the protocol has steps, else the first area.
 * Reads the replica, so call it once the board has synced.
 */
export function noteAreaOf(doc: Y.Doc): string {
  const board = readBoard(doc) as { areas: Array<{ id: string }>; currentStep?: { id: string } };
  const current = board.currentStep?.id;
  if (current !== undefined && board.areas.some((area) => area.id === current)) return current;
  const first = board.areas[0]?.id;
  if (first === undefined) throw new Error('the board has no area that takes notes');
  return first;
}

/**
 * Brings a fresh session to where notes can be posted, with the commands its protocol has: the
 * facilitator moves to the first step that takes notes. Older protocols need nothing.
 */
export async function openForNotes(facilitator: OurParticipant): Promise<void> {
  const board = readBoard(facilitator.doc) as {
    areas: Array<{ id: string }>;
    steps?: Array<{ id: string }>;
    currentStep?: { id: string };
  };
  if (!commandExists('step:go') || !board.steps || board.currentStep === undefined) return;
  if (board.areas.some((area) => area.id === board.currentStep?.id)) return;
  const stepIndex = board.steps.findIndex((step) => board.areas.some((a) => a.id === step.id));
  const { ack } = await facilitator.command('step:go', { stepIndex });
  if (!ack.ok) throw new Error(`could not open the board for notes: ${JSON.stringify(ack.error)}`);
}

/** Accepts the session's agreement where the protocol asks for it before contributing. */
export async function acceptAgreement(participant: OurParticipant): Promise<void> {
  if (!commandExists('agreement:accept')) return;
  const { ack } = await participant.command('agreement:accept', {});
  if (!ack.ok) throw new Error(`agreement not accepted: ${JSON.stringify(ack.error)}`);
}
