import type { CommandName } from '@reflectory/shared';
import { newNoteSecret } from '../../realtime/anonymous-notes.ts';
import type { LiveSession } from '../../realtime/live-session.ts';
import type { CommandBody } from '../../realtime/outbox.ts';

/** What a person can do on the board; each call queues a command in the outbox. */
export interface BoardActions {
  /** Any command, as it is; returns its command id. */
  send<K extends CommandName>(name: K, body: CommandBody<K>): string;
  /**
   * Posts a note into the current step. An anonymous note gets a fresh secret made here, in this
   * browser; the server keeps only its hash, and only this browser can edit or delete the note.
   */
  addNote(areaId: string, text: string, anonymous: boolean): void;
  editNote(noteId: string, text: string): void;
  deleteNote(noteId: string): void;
  closeSession(): void;
  retry(commandId: string): void;
  discard(commandId: string): void;
}

export function boardActionsFor(live: LiveSession): BoardActions {
  const secretOf = (noteId: string) => {
    const secret = live.anonymous.secretOf(noteId);
    return secret === undefined ? {} : { secret };
  };
  return {
    send: (name, body) => live.send(name, body),
    addNote: (areaId, text, anonymous) =>
      void live.send(
        'note:add',
        anonymous ? { areaId, text, anonymous: true, secret: newNoteSecret() } : { areaId, text },
      ),
    editNote: (noteId, text) => void live.send('note:edit', { noteId, text, ...secretOf(noteId) }),
    deleteNote: (noteId) => void live.send('note:delete', { noteId, ...secretOf(noteId) }),
    closeSession: () => void live.send('session:close', {}),
    retry: (commandId) => live.outbox.retry(commandId),
    discard: (commandId) => live.outbox.discard(commandId),
  };
}
