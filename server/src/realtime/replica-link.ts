import { DocCloseCode } from '@reflectory/shared';
import type { DocConnection, SessionRoom } from '../sessions/room.ts';
import type { RealtimeLimits } from './realtime-limits.ts';
import { classifyClientMessage } from './yjs-messages.ts';

/** What carries one replica's bytes: a WebSocket at /yjs/<doc>, or the person's Socket.IO connection. */
export interface ReplicaTransport {
  send(message: Uint8Array): void;
  /** Ends the replica with a WebSocket close code. Called at most once per link. */
  close(code: number, reason: string): void;
}

/** Where a connection's refusals are logged (see refusal-log.ts). */
export interface RefusalSink {
  refused(reason: string, details?: Record<string, unknown>): void;
}

/**
 * One read-only replica of a session's board, whatever carries it: the one place where the rules
 * of a document connection live. The board is written only by the server, so a client's update
 * closes the replica with 4403; unreadable bytes close it with 4400, too many messages from the
 * person (over all their replicas), or more syncs than their board opens allow, with 4429;
 * what a client claims in awareness is dropped, since presence is set by the server. The room
 * closes it with 4401 when the person is removed, 4410 when the board is purged, 4503 or 1012 when
 * it must be resynced. Client bytes are only classified, never applied to the document.
 */
export class ReplicaLink implements DocConnection {
  private attached = false;
  /** Whether the replica has had the sync its opening paid for. */
  private synced = false;

  private constructor(
    private readonly room: SessionRoom,
    readonly participantId: string,
    private readonly transport: ReplicaTransport,
    private readonly refusals: RefusalSink,
    private readonly limits: RealtimeLimits,
  ) {}

  /**
   * Attaches a replica to the room. Undefined if the room is reloading: the transport has then
   * been closed with 4503 (try again shortly).
   */
  static open(
    room: SessionRoom,
    participantId: string,
    transport: ReplicaTransport,
    refusals: RefusalSink,
    limits: RealtimeLimits,
  ): ReplicaLink | undefined {
    const link = new ReplicaLink(room, participantId, transport, refusals, limits);
    link.attached = true;
    if (!room.attach(link)) {
      link.attached = false;
      transport.close(DocCloseCode.unavailable, 'the board is reloading; reconnect shortly');
      return undefined;
    }
    return link;
  }

  get isOpen(): boolean {
    return this.attached;
  }

  send(message: Uint8Array): void {
    if (this.attached) this.transport.send(message);
  }

  /** Detaches from the room and closes the transport with `code`. */
  close(code: number, reason: string): void {
    if (!this.attached) return;
    this.detach();
    this.transport.close(code, reason);
  }

  /** Detaches from the room without telling the client (its transport went away). Idempotent. */
  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    this.room.detach(this);
  }

  /** Handles one message from the client; `undefined` stands for a message that was not binary. */
  receive(data: Uint8Array | undefined): void {
    if (!this.attached) return;
    if (data === undefined) {
      this.refusals.refused('text frame');
      return this.close(DocCloseCode.badMessage, 'binary y-websocket messages only');
    }
    if (!this.limits.replicaMessage(this.room.sessionId, this.participantId)) {
      this.refusals.refused('rate limit');
      return this.close(DocCloseCode.rateLimited, 'too many messages');
    }
    const message = classifyClientMessage(data);
    switch (message.kind) {
      case 'syncStep1':
        // Answering a sync can mean encoding the whole board: one comes with the open; each
        // further one is paid for like an open.
        if (this.synced && !this.limits.boardOpen(this.room.sessionId, this.participantId)) {
          this.refusals.refused('rate limit: sync');
          return this.close(DocCloseCode.rateLimited, 'too many syncs');
        }
        this.synced = true;
        return this.room.syncStep1(this, message.stateVector);
      case 'queryAwareness':
        return this.room.sendAwareness(this);
      case 'awareness':
      case 'auth':
        // Presence is the server's to set; what a client claims about itself is dropped.
        return;
      case 'write':
        this.refusals.refused('write to a read-only document');
        return this.close(
          DocCloseCode.readOnly,
          'this document is read-only: changes go through commands',
        );
      case 'invalid':
        this.refusals.refused('invalid message', { reason: message.reason });
        return this.close(DocCloseCode.badMessage, 'unreadable message');
    }
  }
}
