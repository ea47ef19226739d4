import { boardDocName } from '@reflectory/shared';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

export interface BoardReplica {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function documentServerUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}/yjs`;
}

/**
 * A read-only replica of the session's board. Nothing is ever written to `doc` (the server would
 * close the connection with 4403), and the local presence is cleared before connecting: presence
 * is filled in by the server from who the connection is, never claimed by the browser.
 */
export function openBoardReplica(sessionId: string): BoardReplica {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState(null);
  const provider = new WebsocketProvider(documentServerUrl(), boardDocName(sessionId), doc, {
    awareness,
    disableBc: true,
    maxBackoffTime: 5000,
  });
  return { doc, provider };
}

export function closeBoardReplica({ doc, provider }: BoardReplica): void {
  provider.awareness.destroy();
  provider.destroy();
  doc.destroy();
}
