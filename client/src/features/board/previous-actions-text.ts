import {
  reviewOutcomeLabel,
  type BoardPreviousActionView,
  type PreviousActionEntry,
} from '@reflectory/shared';

/** "12 March 2026", in the reader's time zone. */
export function formatDay(at: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(at));
}

export function ownerText(action: Pick<BoardPreviousActionView, 'ownerName'>): string {
  return action.ownerName ?? 'The team';
}

/** "Carried on in February supervision, 12 February 2026". */
export function historyLine(entry: PreviousActionEntry): string {
  const where = entry.sessionTitle ?? 'a session that has since been deleted';
  return `${reviewOutcomeLabel(entry.outcome)} in ${where}, ${formatDay(entry.at)}`;
}

/** The decision in words, so that it never rests on colour alone. */
export function decisionText(decision: BoardPreviousActionView['decision']): string {
  return decision === null ? 'Not decided yet' : reviewOutcomeLabel(decision.outcome);
}

/** What a screen reader hears when the group decides: `“Text”: carried on.` */
export function decisionAnnouncement(action: BoardPreviousActionView): string | undefined {
  if (action.decision === null) return undefined;
  return `“${action.text}”: ${reviewOutcomeLabel(action.decision.outcome).toLowerCase()}.`;
}
