import type { Participant } from '@reflectory/shared';

interface Props {
  title: string;
  you: Participant;
  onContinue: () => void;
  onJoinAsSomeoneElse: () => void;
}

/**
 * This browser is already in the session: carry on as that person, or join as a new one. An
 * observer or the facilitator is not offered a new identity: the server refuses it (RJ2, RJ3).
 */
export function AlreadyJoined({ title, you, onContinue, onJoinAsSomeoneElse }: Props) {
  const mayStartOver = you.role === 'participant' || you.role === 'co-facilitator';
  return (
    <div className="notice">
      <p>
        This browser is already in “{title}” as <strong>{you.displayName}</strong>.
      </p>
      {you.role === 'observer' && (
        <p>
          The facilitator made you an observer. If you should take part, ask them to change your
          role.
        </p>
      )}
      <div className="actions">
        <button className="button primary" type="button" onClick={onContinue}>
          Continue as {you.displayName}
        </button>
        {mayStartOver && (
          <button className="button" type="button" onClick={onJoinAsSomeoneElse}>
            Join as someone else
          </button>
        )}
      </div>
    </div>
  );
}
