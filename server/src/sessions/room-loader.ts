import { boardDocName, defaultBoardAreas, readBoard, type BoardState } from '@reflectory/shared';
import * as Y from 'yjs';
import type { ParticipantRecord } from '../db/participants-repository.ts';
import type { Store } from '../db/store.ts';

export interface LoadedRoom {
  doc: Y.Doc;
  state: BoardState;
  participants: Map<string, ParticipantRecord>;
  lastId: number;
  tailLength: number;
}

/**
 * Loads a session's board: the document from its snapshot plus the tail of its update log (never
 * rebuilt from rows, so every item keeps its id), and the decision state from the rows.
 */
export async function loadRoom(store: Store, sessionId: string): Promise<LoadedRoom | undefined> {
  const session = await store.sessions.findById(sessionId);
  if (!session) return undefined;
  const participants = await store.participants.listBySession(sessionId);
  const notes = await store.notes.listBySession(sessionId);
  const stored = await store.docLog.load(boardDocName(sessionId));

  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);

  const areaIds = readBoard(doc).areas.map((area) => area.id);
  return {
    doc,
    state: {
      status: session.closedAt ? 'closed' : 'open',
      areaIds: areaIds.length > 0 ? areaIds : defaultBoardAreas.map((area) => area.id),
      notes: Object.fromEntries(
        notes.map((note) => [note.id, { authorId: note.authorId ?? '', areaId: note.areaId }]),
      ),
    },
    participants: new Map(participants.map((participant) => [participant.id, participant])),
    lastId: stored.lastId,
    tailLength: stored.updates.length,
  };
}
