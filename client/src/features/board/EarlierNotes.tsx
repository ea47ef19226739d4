import type { BoardView } from '@reflectory/shared';
import { useId } from 'react';
import { takesNotes } from './session-view.ts';

/**
 * The rest of the board, to read: notes of the other steps, each step folded away. Changing them
 * happens in their own step.
 */
export function EarlierNotes({ view }: { view: BoardView }) {
  const headingId = useId();
  const current = view.currentStep?.id;
  const steps = view.steps.filter(
    (step) =>
      step.id !== current && takesNotes(step) && view.notes.some((note) => note.stepId === step.id),
  );
  if (steps.length === 0) return null;
  return (
    <section className="other-steps" aria-labelledby={headingId}>
      <h2 id={headingId}>Notes from other steps</h2>
      {steps.map((step) => {
        const notes = view.notes.filter((note) => note.stepId === step.id);
        const themes = view.groups.filter((group) => group.stepId === step.id);
        const themeOf = (groupId: string | null) =>
          themes.find((theme) => theme.id === groupId)?.title;
        return (
          <details key={step.id} className="other-step">
            <summary>
              {step.title}{' '}
              <span className="muted">
                ({notes.length} {notes.length === 1 ? 'note' : 'notes'})
              </span>
            </summary>
            <ul className="notes compact">
              {notes.map((note) => (
                <li key={note.id} className="note">
                  <p className="note-text" dir="auto">
                    {note.text}
                  </p>
                  <p className="note-author">
                    {note.anonymous ? 'Anonymous' : (note.authorName ?? 'Someone')}
                    {themeOf(note.groupId) && (
                      <span className="muted"> · theme: {themeOf(note.groupId)}</span>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
