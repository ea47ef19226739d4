import type {
  BoardNoteView,
  BoardStepView,
  BoardView,
  FacilitatorView,
  Participant,
  PrivateView,
} from '@reflectory/shared';
import { useId, useRef, useState, type ReactNode } from 'react';
import type { AnonymousNotesSnapshot } from '../../realtime/anonymous-notes.ts';
import type { OutboxEntry } from '../../realtime/outbox.ts';
import { AwaitingNoteCard } from './AwaitingNoteCard.tsx';
import type { BoardActions } from './board-actions.ts';
import { NoteCard, type NoteCapabilities } from './NoteCard.tsx';
import { NoteComposer } from './NoteComposer.tsx';
import { PendingNoteCard } from './PendingNoteCard.tsx';
import { latestChangeOf, pendingAddsIn } from './pending-changes.ts';
import { roundOf, visibilityOf, type Standing } from './session-view.ts';
import { Themes } from './Themes.tsx';
import { noteVotes, talliesOf, votesLeft } from './voting.ts';

interface Props {
  view: BoardView;
  step: BoardStepView;
  you: Participant;
  standing: Standing;
  mine: PrivateView | undefined;
  anonymous: AnonymousNotesSnapshot;
  facilitation: FacilitatorView | undefined;
  entries: readonly OutboxEntry[];
  /** People with the board open now. */
  present: number;
  connected: boolean;
  actions: BoardActions;
}

/** The current step's notes: a box to add one, your own not-yet-public notes, and the board's. */
export function StepNotes(props: Props) {
  const { view, step, you, standing, mine, anonymous, entries, connected, actions } = props;
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [byVotes, setByVotes] = useState(false);
  const visibility = visibilityOf(view, step.id);
  const round = roundOf(view, step.id);
  const tallies = talliesOf(view, step.id);
  const left = standing.contributes ? votesLeft(mine, entries, step.id) : undefined;
  const hiddenCount = props.facilitation?.hiddenCounts[step.id] ?? 0;
  const themes = view.groups.filter((group) => group.stepId === step.id);
  const arranging = standing.facilitating && standing.open && step.grouping;

  const pendingAdds = pendingAddsIn(entries, view, step.id, you.id);
  const awaiting = anonymous.awaiting.filter((note) => note.stepId === step.id);
  const ownHidden: BoardNoteView[] = (mine?.hiddenNotes ?? [])
    .filter((note) => note.stepId === step.id)
    .map((note) => ({
      id: note.noteId,
      stepId: note.stepId,
      areaId: note.stepId,
      round,
      text: note.text,
      anonymous: false,
      authorId: you.id,
      authorName: you.displayName,
      groupId: null,
      createdAt: 0,
      order: 0,
      editedAt: undefined,
    }));
  let notes = view.notes.filter((note) => note.stepId === step.id).reverse();
  const sortedBy =
    byVotes && tallies
      ? (note: BoardNoteView) =>
          note.round === tallies.round ? (tallies.counts[note.id] ?? 0) : -1
      : undefined;
  if (sortedBy) notes = [...notes].sort((a, b) => sortedBy(b) - sortedBy(a));
  const total = notes.length + pendingAdds.length + awaiting.length + ownHidden.length;

  function capabilities(note: BoardNoteView, onBoard: boolean): NoteCapabilities {
    const own = note.authorId === you.id || anonymous.secrets[note.id] !== undefined;
    return {
      own,
      edit: own && standing.contributes,
      delete: standing.contributes && (own || standing.facilitating),
      spotlight: onBoard && standing.facilitating && standing.open,
      themes: onBoard && arranging ? themes : undefined,
    };
  }

  function card(note: BoardNoteView): ReactNode {
    return (
      <NoteCard
        key={note.id}
        note={note}
        can={capabilities(note, true)}
        connected={connected}
        change={latestChangeOf(entries, note.id)}
        actions={actions}
        onDeleting={() => headingRef.current?.focus()}
        spotlit={view.spotlight === note.id}
        votes={standing.contributes ? noteVotes(note, view, mine, entries) : undefined}
        tally={tallies && note.round === tallies.round ? (tallies.counts[note.id] ?? 0) : undefined}
        roundLabel={round > 1 && note.round < round ? `Round ${note.round}` : undefined}
      />
    );
  }

  const yours: ReactNode[] = [
    ...pendingAdds.map((entry) => (
      <PendingNoteCard
        key={entry.commandId}
        entry={entry}
        you={you}
        open={standing.contributes}
        connected={connected}
        actions={actions}
      />
    )),
    ...awaiting.map((note) => (
      <AwaitingNoteCard key={note.noteId} note={note} hiddenStep={visibility === 'hidden'} />
    )),
    ...ownHidden.map((note) => (
      <NoteCard
        key={note.id}
        note={note}
        can={capabilities(note, false)}
        connected={connected}
        change={latestChangeOf(entries, note.id)}
        actions={actions}
        onDeleting={() => headingRef.current?.focus()}
        hiddenUntilReveal
      />
    )),
  ];

  return (
    <section className="area" aria-labelledby={headingId}>
      <div className="area-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Notes<span className="visually-hidden"> for “{step.title}”</span>
        </h2>
        <p className="area-count">
          {total} {total === 1 ? 'note' : 'notes'}
          {standing.facilitating &&
            visibility === 'hidden' &&
            hiddenCount > 0 &&
            ` · ${hiddenCount} hidden`}
        </p>
      </div>
      {standing.contributes && (
        <NoteComposer
          areaTitle={step.title}
          visibility={visibility}
          present={props.present}
          onAdd={(text, anonymousNote) => actions.addNote(step.id, text, anonymousNote)}
        />
      )}
      {standing.facilitating && visibility === 'hidden' && (
        <p className="notice-inline" role="status">
          {hiddenCount === 0
            ? notes.length === 0
              ? 'Silent writing: nobody’s notes are shown until you reveal them.'
              : 'Every note written so far is revealed. Notes added now stay hidden until you reveal them.'
            : `${hiddenCount} ${hiddenCount === 1 ? 'note is' : 'notes are'} written and hidden until you reveal them. You see only how many, not what or whose.`}
        </p>
      )}
      {left !== undefined && (
        <p className="votes-left" role="status">
          <strong>
            {left} {left === 1 ? 'vote' : 'votes'} left.
          </strong>{' '}
          {left > 0
            ? 'Vote for the notes you most want to talk about.'
            : 'You have used all your votes; you can still take one back.'}
        </p>
      )}
      {tallies && (
        <div className="checkbox-field sort-toggle">
          <input
            id={`${headingId}-sort`}
            type="checkbox"
            checked={byVotes}
            onChange={(event) => setByVotes(event.target.checked)}
          />
          <label htmlFor={`${headingId}-sort`}>
            Sort by votes, most first{step.grouping ? ' (themes too)' : ''}
          </label>
        </div>
      )}
      {step.grouping ? (
        <Themes
          step={step}
          themes={themes}
          notes={notes}
          yours={yours}
          arranging={arranging}
          actions={actions}
          renderNote={card}
          votesOf={sortedBy}
        />
      ) : total === 0 ? (
        <p className="area-empty">No notes yet.</p>
      ) : (
        <ul className="notes" aria-label={`Notes for “${step.title}”`}>
          {yours}
          {notes.map(card)}
        </ul>
      )}
    </section>
  );
}
