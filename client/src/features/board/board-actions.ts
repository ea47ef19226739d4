import type { LiveSession } from '../../realtime/live-session.ts';

/** What a person can do on the board; each call queues a command in the outbox. */
export interface BoardActions {
  addNote(areaId: string, text: string): void;
  editNote(noteId: string, text: string): void;
  deleteNote(noteId: string): void;
  closeSession(): void;
  retry(commandId: string): void;
  discard(commandId: string): void;
}

export function boardActionsFor(live: LiveSession): BoardActions {
  return {
    addNote: (areaId, text) => void live.send('note:add', { areaId, text }),
    editNote: (noteId, text) => void live.send('note:edit', { noteId, text }),
    deleteNote: (noteId) => void live.send('note:delete', { noteId }),
    closeSession: () => void live.send('session:close', {}),
    retry: (commandId) => live.outbox.retry(commandId),
    discard: (commandId) => live.outbox.discard(commandId),
  };
}
