import type { BoardNoteView, BoardView, Participant } from '@reflectory/shared';
import { useId, useRef } from 'react';
import type { OutboxEntry } from '../../realtime/outbox.ts';
import type { BoardActions } from './board-actions.ts';
import { NoteCard } from './NoteCard.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { PendingNoteCard } from './PendingNoteCard.tsx';
import { latestChangeOf, type AddEntry } from './pending-changes.ts';

interface Props {
  area: BoardView['areas'][number];
  /** The area's notes on the board, newest first. */
  notes: readonly BoardNoteView[];
  pendingAdds: readonly AddEntry[];
  entries: readonly OutboxEntry[];
  you: Participant;
  open: boolean;
  connected: boolean;
  actions: BoardActions;
}

/** One question of the board: its prompt, a box to add a note, and the notes, newest first. */
export function AreaColumn({
  area,
  notes,
  pendingAdds,
  entries,
  you,
  open,
  connected,
  actions,
}: Props) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const count = notes.length + pendingAdds.length;

  return (
    <section className="area" aria-labelledby={headingId}>
      <div className="area-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {area.title}
        </h2>
        <p className="area-count">
          {count} {count === 1 ? 'note' : 'notes'}
        </p>
      </div>
      <p className="area-prompt">{area.prompt}</p>
      {open && (
        <NoteComposer areaTitle={area.title} onAdd={(text) => actions.addNote(area.id, text)} />
      )}
      {count === 0 ? (
        <p className="area-empty">No notes yet.</p>
      ) : (
        <ul className="notes" aria-label={`Notes for “${area.title}”`}>
          {pendingAdds.map((entry) => (
            <PendingNoteCard
              key={entry.commandId}
              entry={entry}
              you={you}
              open={open}
              connected={connected}
              actions={actions}
            />
          ))}
          {notes.map((note) => (
            <NoteCard
              key={note.id}
              note={note}
              you={you}
              open={open}
              connected={connected}
              change={latestChangeOf(entries, note.id)}
              actions={actions}
              onDeleting={() => headingRef.current?.focus()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
