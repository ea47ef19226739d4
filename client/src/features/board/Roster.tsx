import type { Presence } from '@reflectory/shared';
import { useId } from 'react';
import { ColourSwatch } from '../../ui/ColourSwatch.tsx';

interface Props {
  people: readonly Presence[];
  youId: string;
  connected: boolean;
}

/** Who has the board open now, as the server reports it. */
export function Roster({ people, youId, connected }: Props) {
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
                <span className="roster-tag"> ({person.role})</span>
              )}
              {person.participantId === youId && <span className="roster-tag"> (you)</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
