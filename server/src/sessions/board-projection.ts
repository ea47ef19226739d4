import { boardDocKeys, type BoardArea, type BoardEvent } from '@reflectory/shared';
import * as Y from 'yjs';

/** Origin of every change the server makes, so listeners can tell our writes apart. */
export const serverOrigin = Symbol('reflectory-server');

/**
 * Runs `change` in one Yjs transaction and returns the update it produced (undefined if it
 * changed nothing). The caller persists the update before anyone sees it.
 */
export function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array | undefined {
  let captured: Uint8Array | undefined;
  const listener = (update: Uint8Array) => {
    captured = captured ? Y.mergeUpdates([captured, update]) : update;
  };
  doc.on('update', listener);
  try {
    doc.transact(change, serverOrigin);
  } finally {
    doc.off('update', listener);
  }
  return captured;
}

export function writeInitialBoard(doc: Y.Doc, title: string, areas: readonly BoardArea[]): void {
  const session = doc.getMap<unknown>(boardDocKeys.session);
  session.set('title', title);
  session.set('status', 'open');
  doc
    .getArray<Y.Map<unknown>>(boardDocKeys.areas)
    .push(areas.map((area) => new Y.Map<unknown>(Object.entries(area))));
}

/** Writes what the board's events show into the shared document. */
export function projectBoardEvents(
  doc: Y.Doc,
  events: readonly BoardEvent[],
  nameOf: (participantId: string) => string,
): void {
  const notes = doc.getMap<Y.Map<unknown>>(boardDocKeys.notes);
  for (const event of events) {
    switch (event.type) {
      case 'NoteAdded':
        notes.set(
          event.noteId,
          new Y.Map<unknown>([
            ['id', event.noteId],
            ['areaId', event.areaId],
            ['text', event.text],
            ['authorId', event.authorId],
            ['authorName', nameOf(event.authorId)],
            ['createdAt', event.at],
          ]),
        );
        break;
      case 'NoteEdited': {
        const note = notes.get(event.noteId);
        note?.set('text', event.text);
        note?.set('editedAt', event.at);
        break;
      }
      case 'NoteDeleted':
        notes.delete(event.noteId);
        break;
      case 'SessionClosed':
        doc.getMap<unknown>(boardDocKeys.session).set('status', 'closed');
        break;
    }
  }
}
