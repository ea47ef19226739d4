import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { boardDocName } from '@reflectory/shared';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Member } from '../seed.ts';
import { now } from '../stats.ts';

function cookieWebSocket(cookie: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  } as typeof WebSocket;
}

/**
 * One participant of the Hocuspocus peer. Hocuspocus speaks its own framing (every message is
 * prefixed with the document name, and authentication is a message), so plain y-websocket cannot
 * talk to it: the closest equivalent is its own provider, one WebSocket per participant carrying
 * the same document. There is no command channel: a participant writes the note into its replica
 * and Hocuspocus relays and stores it, which is how Hocuspocus is used.
 */
export class PeerParticipant {
  readonly doc = new Y.Doc();
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  private ackWaiters: Array<(at: number) => void> = [];

  constructor(
    readonly member: Member,
    wsUrl: string,
  ) {
    this.socket = new HocuspocusProviderWebsocket({
      url: wsUrl,
      WebSocketPolyfill: cookieWebSocket(member.cookie),
      maxDelay: 2000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: boardDocName(member.sessionId),
      document: this.doc,
      token: 'cookie',
    });
    this.provider.attach();
    // What our server puts into awareness from the connection's identity, the peer's clients say
    // about themselves, as Hocuspocus applications do.
    this.provider.setAwarenessField('participantId', member.participantId);
    this.provider.setAwarenessField('name', member.name);
    this.provider.setAwarenessField('role', member.role);
    this.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number !== 0) return;
      const at = now();
      for (const waiter of this.ackWaiters.splice(0)) waiter(at);
    });
  }

  get ready(): boolean {
    return this.provider.synced && this.provider.isAuthenticated;
  }

  /**
   * Writes a note with the fields our server writes, and resolves when Hocuspocus has
   * acknowledged the update (its SyncStatus message, sent once the update is applied in memory;
   * storing it is debounced and happens later).
   */
  post(areaId: string, text: string): Promise<number> {
    const started = now();
    const noteId = crypto.randomUUID();
    const acked = new Promise<number>((resolve) =>
      this.ackWaiters.push((at) => resolve(at - started)),
    );
    this.doc.transact(() => {
      this.doc.getMap<Y.Map<unknown>>('notes').set(
        noteId,
        new Y.Map<unknown>([
          ['id', noteId],
          ['areaId', areaId],
          ['text', text],
          ['authorId', this.member.participantId],
          ['authorName', this.member.name],
          ['createdAt', Date.now()],
        ]),
      );
    });
    return acked;
  }

  close(): void {
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }
}
