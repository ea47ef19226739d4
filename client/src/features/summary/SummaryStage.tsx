import type { SummaryNote, SummaryStage as Stage } from '@reflectory/shared';
import { plural } from './summary-format.ts';

function NoteItem({ note }: { note: SummaryNote }) {
  const details = [
    note.author ?? 'Anonymous',
    ...(note.votes === null ? [] : [plural(note.votes, 'vote', 'votes')]),
    ...(note.round > 1 ? [`round ${note.round}`] : []),
  ];
  return (
    <li className="summary-note">
      <p className="summary-note-text" dir="auto">
        {note.text}
      </p>
      <p className="summary-note-meta">{details.join(' · ')}</p>
    </li>
  );
}

/** One stage of the model: its prompts, themes with their tallies, and its revealed notes. */
export function SummaryStage({
  stage,
  number,
  notesDeleted,
}: {
  stage: Stage;
  number: number;
  notesDeleted: boolean;
}) {
  const headingId = `stage-${stage.id}`;
  const groups = [...new Set(stage.notes.map((note) => note.theme))];
  const counts = [plural(stage.noteCount, 'note', 'notes')];
  if (stage.votes !== null) counts.push(plural(stage.votes, 'vote', 'votes'));

  return (
    <section className="summary-stage" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {number}. {stage.title}
      </h2>
      <ul className="summary-prompts" aria-label="Prompts">
        {stage.prompts.map((prompt) => (
          <li key={prompt}>{prompt}</li>
        ))}
      </ul>
      <p className="summary-counts">{counts.join(' · ')}</p>
      {stage.themes.length > 0 && (
        <table className="summary-table">
          <caption>Themes in “{stage.title}”</caption>
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">Notes</th>
              <th scope="col">Votes</th>
            </tr>
          </thead>
          <tbody>
            {stage.themes.map((theme, index) => (
              <tr key={`${theme.title}-${index}`}>
                <th scope="row">{theme.title}</th>
                <td>{theme.noteCount}</td>
                <td>{theme.votes ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!notesDeleted && stage.notes.length === 0 && (
        <p className="muted">No notes were revealed in this stage.</p>
      )}
      {groups.map((theme) => (
        <div key={theme ?? ''} className="summary-note-group">
          {(groups.length > 1 || theme !== null) && (
            <h3>{theme === null ? 'Not in a theme' : theme}</h3>
          )}
          <ul className="summary-notes">
            {stage.notes
              .filter((note) => note.theme === theme)
              .map((note, index) => (
                <NoteItem key={index} note={note} />
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
