import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

export interface SeenEvent {
  /** performance.now() when it arrived. */
  at: number;
  event: string;
  args: unknown[];
}

export interface SentCommand {
  name: string;
  payload: unknown;
  ack: unknown;
}

/**
 * A raw Socket.IO connection as an attacker holds it: untyped, recording every event the server
 * pushes (`onAny`) and every ack it gets back, so a test can search all of it for what must not
 * be there.
 */
export class SpySocket {
  readonly socket: Socket;
  readonly events: SeenEvent[] = [];
  readonly sent: SentCommand[] = [];
  disconnectReason: string | undefined;

  constructor(baseUrl: string, sessionId: string, cookie: string) {
    this.socket = io(baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      auth: { sessionId },
      forceNew: true,
      reconnection: false,
    });
    this.socket.onAny((event: string, ...args: unknown[]) => {
      this.events.push({ at: performance.now(), event, args });
    });
    this.socket.on('disconnect', (reason) => (this.disconnectReason = reason));
  }

  /** Resolves once connected; rejects with the server's refusal. */
  connected(timeoutMs = 5000): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no Socket.IO connection')), timeoutMs);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.once('connect_error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Emits `name` with `payload` (a fresh commandId is added unless present) and returns the ack. */
  async send(name: string, payload: Record<string, unknown> = {}, timeoutMs = 5000) {
    const full = { commandId: randomUUID(), ...payload };
    const ack = (await this.socket.timeout(timeoutMs).emitWithAck(name, full)) as {
      ok: boolean;
      data?: unknown;
      error?: { code: string; message: string };
    };
    this.sent.push({ name, payload: full, ack });
    return ack;
  }

  eventsNamed(event: string): SeenEvent[] {
    return this.events.filter((seen) => seen.event === event);
  }

  /** Everything this connection received, pushed events and acks, as one searchable string. */
  everythingReceived(): string {
    return JSON.stringify({
      events: this.events.map((seen) => [seen.event, seen.args]),
      acks: this.sent.map((sent) => [sent.name, sent.ack]),
    });
  }

  close(): void {
    this.socket.close();
  }
}
