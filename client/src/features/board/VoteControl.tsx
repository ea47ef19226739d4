import type { BoardActions } from './board-actions.ts';
import type { NoteVotes } from './voting.ts';

interface Props {
  noteId: string;
  /** A few words of the note, so each button says which note it is for. */
  short: string;
  votes: NoteVotes;
  actions: BoardActions;
}

/**
 * Your vote on one note. With one vote per note it is a toggle (aria-pressed, a tick and words);
 * with more, a pair of buttons and the count. Nobody ever sees who voted for what.
 */
export function VoteControl({ noteId, short, votes, actions }: Props) {
  const cast = () => actions.send('vote:cast', { noteId });
  const retract = () => actions.send('vote:retract', { noteId });
  if (votes.maxPerNote === 1) {
    const pressed = votes.mine > 0;
    return (
      <div className="vote-control">
        <button
          className={`vote-button${pressed ? ' vote-pressed' : ''}`}
          type="button"
          aria-pressed={pressed}
          disabled={!pressed && !votes.canAdd}
          onClick={pressed ? retract : cast}
        >
          <span className="vote-tick" aria-hidden="true">
            {pressed ? '✓' : '+'}
          </span>
          Vote<span className="visually-hidden"> for note “{short}”</span>
        </button>
        {pressed && <span className="vote-mine">Your vote</span>}
      </div>
    );
  }
  return (
    <div className="vote-control" role="group" aria-label={`Your votes for note “${short}”`}>
      <button className="vote-button" type="button" disabled={votes.mine === 0} onClick={retract}>
        <span aria-hidden="true">− </span>Remove a vote
      </button>
      <span className="vote-mine">
        Your votes: {votes.mine} of {votes.maxPerNote}
      </span>
      <button className="vote-button" type="button" disabled={!votes.canAdd} onClick={cast}>
        <span aria-hidden="true">+ </span>Add a vote
      </button>
    </div>
  );
}
