import { roleLabel, type Presence, type Role } from '@reflectory/shared';
import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ColourSwatch } from '../../ui/ColourSwatch.tsx';
import type { BoardActions } from './board-actions.ts';

interface Props {
  people: readonly Presence[];
  youId: string;
  connected: boolean;
  /** Given to those facilitating: the facilitator names co-facilitators; both remove people. */
  manage?: { actions: BoardActions; yourRole: Role } | undefined;
}

/** Who has the board open now, as the server reports it. */
export function Roster({ people, youId, connected, manage }: Props) {
  const headingId = useId();
  return (
    <section className="panel roster" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>Here now</h2>
        {people.length > 0 && (
          <p className="panel-count">
            {people.length} {people.length === 1 ? 'person' : 'people'}
          </p>
        )}
      </div>
      {people.length === 0 ? (
        <p className="muted">{connected ? 'Nobody yet.' : 'Shown again once connected.'}</p>
      ) : (
        <ul className="roster-list">
          {people.map((person) => (
            <li key={person.participantId}>
              <ColourSwatch colour={person.colour} />
              <span className="roster-name">{person.name}</span>
              {person.role !== 'participant' && (
                <span className="roster-tag"> ({roleLabel(person.role)})</span>
              )}
              {person.participantId === youId && <span className="roster-tag"> (you)</span>}
              {manage && person.participantId !== youId && (
                <PersonControls person={person} {...manage} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonControls({
  person,
  actions,
  yourRole,
}: {
  person: Presence;
  actions: BoardActions;
  yourRole: Role;
}) {
  const [confirming, setConfirming] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const canSetRole =
    yourRole === 'facilitator' &&
    (person.role === 'participant' || person.role === 'co-facilitator');
  // An observer reads and never writes (e.g. a trainee, or a manager the group agreed may listen).
  const canSetObserver =
    yourRole === 'facilitator' && (person.role === 'participant' || person.role === 'observer');
  const canRemove =
    person.role !== 'facilitator' &&
    (yourRole === 'facilitator' || person.role !== 'co-facilitator');

  if (confirming) {
    return (
      <div
        className="roster-confirm"
        role="group"
        aria-label={`Remove ${person.name}`}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            flushSync(() => setConfirming(false));
            removeRef.current?.focus();
          }
        }}
      >
        <p>
          Remove {person.name} from the session? They are disconnected at once and cannot join again
          with this link.
        </p>
        <div className="note-actions">
          <button
            ref={confirmRef}
            className="button danger small"
            type="button"
            onClick={() => {
              setConfirming(false);
              actions.send('participant:remove', { participantId: person.participantId });
            }}
          >
            Remove {person.name}
          </button>
          <button
            className="button quiet small"
            type="button"
            onClick={() => {
              flushSync(() => setConfirming(false));
              removeRef.current?.focus();
            }}
          >
            Cancel
          </button>
        </div>
      </div>
    );
  }
  if (!canSetRole && !canSetObserver && !canRemove) return null;
  return (
    <span className="roster-actions">
      {canSetRole && (
        <RoleButton
          person={person}
          actions={actions}
          role={person.role === 'participant' ? 'co-facilitator' : 'participant'}
          label={person.role === 'participant' ? 'Make co-facilitator' : 'Remove as co-facilitator'}
        />
      )}
      {canSetObserver && (
        <RoleButton
          person={person}
          actions={actions}
          role={person.role === 'observer' ? 'participant' : 'observer'}
          label={person.role === 'observer' ? 'Let them write' : 'Make observer'}
        />
      )}
      {canRemove && (
        <button
          ref={removeRef}
          className="link-button danger"
          type="button"
          onClick={() => {
            flushSync(() => setConfirming(true));
            confirmRef.current?.focus();
          }}
        >
          Remove<span className="visually-hidden"> {person.name} from the session</span>
        </button>
      )}
    </span>
  );
}

function RoleButton({
  person,
  actions,
  role,
  label,
}: {
  person: Presence;
  actions: BoardActions;
  role: 'co-facilitator' | 'participant' | 'observer';
  label: string;
}) {
  return (
    <button
      className="link-button"
      type="button"
      onClick={() => actions.send('role:set', { participantId: person.participantId, role })}
    >
      {label}
      <span className="visually-hidden">: {person.name}</span>
    </button>
  );
}
