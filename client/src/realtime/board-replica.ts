import { boardDocName } from '@reflectory/shared';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { stopAwarenessEcho } from './awareness-echo.ts';
import { socketCarriedWebSocket } from './carried-websocket.ts';
import type { CommandSocket } from './command-socket.ts';

export interface BoardReplica {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/**
 * A read-only replica of the session's board, carried over the session's command socket (one
 * connection per person; /yjs/<doc> remains for standard y-websocket clients). Nothing is ever
 * written to `doc` (the server would close the replica with 4403), and the local presence is
 * cleared before connecting: presence is filled in by the server from who the connection is,
 * never claimed by the browser.
 */
export function openBoardReplica(sessionId: string, socket: CommandSocket): BoardReplica {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  const docName = boardDocName(sessionId);
  // The provider only names its URL; the polyfill carries the bytes over `socket`.
  const provider = new WebsocketProvider(`${location.origin}/socket.io`, docName, doc, {
    awareness,
    disableBc: true,
    maxBackoffTime: 5000,
    WebSocketPolyfill: socketCarriedWebSocket(socket, docName) as unknown as typeof WebSocket,
  });
  stopAwarenessEcho(provider);
  return { doc, provider };
}

export function closeBoardReplica({ doc, provider }: BoardReplica): void {
  provider.awareness.destroy();
  provider.destroy();
  doc.destroy();
}
