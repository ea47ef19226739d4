import type { Participant } from '@reflectory/shared';

interface Props {
  title: string;
  you: Participant;
  onContinue: () => void;
  onJoinAsSomeoneElse: () => void;
}

/** This browser is already in the session: carry on as that person, or join as a new one. */
export function AlreadyJoined({ title, you, onContinue, onJoinAsSomeoneElse }: Props) {
  return (
    <div className="notice">
      <p>
        This browser is already in “{title}” as <strong>{you.displayName}</strong>.
      </p>
      <div className="actions">
        <button className="button primary" type="button" onClick={onContinue}>
          Continue as {you.displayName}
        </button>
        <button className="button" type="button" onClick={onJoinAsSomeoneElse}>
          Join as someone else
        </button>
      </div>
    </div>
  );
}
