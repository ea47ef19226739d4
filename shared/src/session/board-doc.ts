import type * as Y from 'yjs';
import type { BoardArea } from './board-areas.ts';

/**
 * The shape of `session/<id>/board`, the shared document that only the server writes and every
 * member of the session reads:
 *
 * - map `session`: `title` (string), `status` ('open' | 'closed')
 * - array `areas`: maps with `id`, `title`, `prompt`
 * - map `notes`: note id → map with `id`, `areaId`, `text`, `authorId`, `authorName`, `createdAt`
 *   and `editedAt` (ms since the epoch; `editedAt` is absent until the first edit)
 */
export const boardDocKeys = { session: 'session', areas: 'areas', notes: 'notes' } as const;

export function boardDocName(sessionId: string): string {
  return `session/${sessionId}/board`;
}

export interface BoardNoteView {
  id: string;
  areaId: string;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  editedAt: number | undefined;
}

export interface BoardView {
  title: string;
  status: 'open' | 'closed';
  areas: BoardArea[];
  /** Oldest first. */
  notes: BoardNoteView[];
}

function str(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
}

function num(map: Y.Map<unknown>, key: string): number | undefined {
  const value = map.get(key);
  return typeof value === 'number' ? value : undefined;
}

/** Reads a replica into plain data; tolerant of a document that is still syncing. */
export function readBoard(doc: Y.Doc): BoardView {
  const session = doc.getMap<unknown>(boardDocKeys.session);
  const areas = doc
    .getArray<Y.Map<unknown>>(boardDocKeys.areas)
    .toArray()
    .map((area) => ({
      id: str(area, 'id'),
      title: str(area, 'title'),
      prompt: str(area, 'prompt'),
    }));
  const notes: BoardNoteView[] = [];
  doc.getMap<Y.Map<unknown>>(boardDocKeys.notes).forEach((note) => {
    notes.push({
      id: str(note, 'id'),
      areaId: str(note, 'areaId'),
      text: str(note, 'text'),
      authorId: str(note, 'authorId'),
      authorName: str(note, 'authorName'),
      createdAt: num(note, 'createdAt') ?? 0,
      editedAt: num(note, 'editedAt'),
    });
  });
  notes.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return {
    title: str(session, 'title'),
    status: session.get('status') === 'closed' ? 'closed' : 'open',
    areas,
    notes,
  };
}
