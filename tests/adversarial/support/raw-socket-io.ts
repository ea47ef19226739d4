import { io, type Socket } from 'socket.io-client';

/** One Engine.IO message: text, or binary (a Socket.IO packet's attachment). */
export type EngineMessage = string | Uint8Array;

export type AckWait =
  { kind: 'ack'; args: unknown[] } | { kind: 'closed'; reason: string } | { kind: 'timeout' };

/** Ack ids this helper uses, far from the small ones socket.io-client would use itself. */
const firstAckId = 1_000_000;

/**
 * A Socket.IO connection authenticated as a browser (device cookie) that sends hand-written
 * packets: socket.io-client does the handshake, then every packet goes to the engine as written,
 * so nothing tidies it first. It reads the server's acks off the engine itself (the client
 * library ignores acks for ids it did not issue) and records the events the server sends.
 */
export class RawSocketIo {
  private nextAckId = firstAckId;
  private readonly waiting = new Map<number, (args: unknown[]) => void>();
  private closedBecause: string | undefined;
  private readonly onClose = new Set<(reason: string) => void>();
  /** Ids of every ack the server sent, awaited or not. */
  readonly answered = new Set<number>();
  /** Events the server emitted to this connection, in order. */
  readonly events: Array<{ name: string; args: unknown[] }> = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((name: string, ...args: unknown[]) => this.events.push({ name, args }));
    socket.on('disconnect', (reason) => this.closed(reason));
    socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message' || typeof packet.data !== 'string') return;
      const ack = /^3(\d+)(\[.*)$/s.exec(packet.data);
      if (!ack) return;
      this.answered.add(Number(ack[1]));
      const resolve = this.waiting.get(Number(ack[1]));
      if (!resolve) return;
      this.waiting.delete(Number(ack[1]));
      resolve(JSON.parse(ack[2] ?? '[]') as unknown[]);
    });
  }

  static async connect(
    baseUrl: string,
    cookie: string,
    sessionId: string,
    timeoutMs = 5000,
  ): Promise<RawSocketIo> {
    const socket = io(baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      auth: { sessionId },
      forceNew: true,
      reconnection: false,
      timeout: timeoutMs,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return new RawSocketIo(socket);
  }

  get connected(): boolean {
    return this.closedBecause === undefined && this.socket.connected;
  }

  /** A fresh ack id for a packet that asks for an answer. */
  ackId(): number {
    this.nextAckId += 1;
    return this.nextAckId;
  }

  /** Writes Engine.IO messages as they are (a Socket.IO packet, then its attachments). */
  write(messages: readonly EngineMessage[]): void {
    const engine = this.socket.io.engine;
    for (const message of messages) {
      engine.write(typeof message === 'string' ? message : Buffer.from(message));
    }
  }

  /**
   * Writes a frame below Engine.IO (its packet type included), straight onto the WebSocket, for
   * what the engine would not send (a ping, an upgrade, an unknown packet type).
   */
  writeEngineFrame(frame: EngineMessage): void {
    const ws = (
      this.socket.io.engine.transport as unknown as { ws?: { send(data: unknown): void } }
    ).ws;
    ws?.send(typeof frame === 'string' ? frame : Buffer.from(frame));
  }

  /** Waits for the ack with this id, for the connection to close, or for the time to pass. */
  waitForAck(id: number, timeoutMs: number): Promise<AckWait> {
    if (this.closedBecause !== undefined) {
      return Promise.resolve({ kind: 'closed', reason: this.closedBecause });
    }
    return new Promise((resolve) => {
      const settle = (outcome: AckWait) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        this.onClose.delete(onClose);
        resolve(outcome);
      };
      const onClose = (reason: string) => settle({ kind: 'closed', reason });
      const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
      this.waiting.set(id, (args) => settle({ kind: 'ack', args }));
      this.onClose.add(onClose);
    });
  }

  /**
   * Asks the server's clock on this connection and waits for the answer: the server handles a
   * connection's packets in order, so once it answers, it has dispatched everything sent before.
   */
  async barrier(timeoutMs: number): Promise<AckWait> {
    const id = this.ackId();
    const answer = this.waitForAck(id, timeoutMs);
    if (this.connected) this.write([`2${id}["time:sync",{}]`]);
    return answer;
  }

  close(): void {
    this.socket.close();
  }

  private closed(reason: string): void {
    if (this.closedBecause !== undefined) return;
    this.closedBecause = reason;
    for (const notify of [...this.onClose]) notify(reason);
  }
}
