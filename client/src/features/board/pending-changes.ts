import { checkNoteText, type BoardView } from '@reflectory/shared';
import type { OutboxEntry } from '../../realtime/outbox.ts';

export type AddEntry = Extract<OutboxEntry, { name: 'note:add' }>;
export type NoteChangeEntry = Extract<OutboxEntry, { name: 'note:edit' | 'note:delete' }>;
export type CloseEntry = Extract<OutboxEntry, { name: 'session:close' }>;

/**
 * Notes this person added that the board does not show yet: being saved, waiting, refused, or
 * acknowledged a moment before the board update arrived. Newest first, like the board's notes.
 *
 * A note whose ack was lost (the connection dropped after the server saved it) has no note id
 * until the retry is answered; meanwhile a note of theirs with the same text in the same area,
 * not claimed by another command, is taken to be it, so it is not shown twice.
 */
export function pendingAddsIn(
  entries: readonly OutboxEntry[],
  board: BoardView,
  areaId: string,
  youId: string,
): AddEntry[] {
  const adds = entries
    .filter((entry): entry is AddEntry => entry.name === 'note:add')
    .filter((entry) => entry.payload.areaId === areaId);
  const claimed = new Set(adds.map((entry) => entry.result?.noteId));
  const unclaimed = board.notes.filter(
    (note) => note.areaId === areaId && note.authorId === youId && !claimed.has(note.id),
  );
  return adds
    .filter((entry) => {
      if (entry.result !== undefined)
        return !board.notes.some((note) => note.id === entry.result?.noteId);
      if (entry.state !== 'pending') return true;
      const text = checkNoteText(entry.payload.text);
      const twin = unclaimed.findIndex((note) => text.ok && note.text === text.data);
      if (twin < 0) return true;
      unclaimed.splice(twin, 1);
      return false;
    })
    .reverse();
}

/** The latest edit or delete of a note that the board does not reflect yet. */
export function latestChangeOf(
  entries: readonly OutboxEntry[],
  noteId: string,
): NoteChangeEntry | undefined {
  return entries
    .filter(
      (entry): entry is NoteChangeEntry =>
        (entry.name === 'note:edit' || entry.name === 'note:delete') &&
        entry.payload.noteId === noteId,
    )
    .at(-1);
}

export function latestClose(entries: readonly OutboxEntry[]): CloseEntry | undefined {
  return entries.filter((entry): entry is CloseEntry => entry.name === 'session:close').at(-1);
}

/** Commands still to be sent or acknowledged (refused ones wait for the person instead). */
export function countPending(entries: readonly OutboxEntry[]): number {
  return entries.filter((entry) => entry.state === 'pending').length;
}
