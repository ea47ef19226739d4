import {
  isFacilitating,
  type BoardStepView,
  type BoardView,
  type PrivateView,
  type Role,
  type Visibility,
} from '@reflectory/shared';

/** Steps in which people post notes (the same rule as the core's `takesNotes`). */
export function takesNotes(step: Pick<BoardStepView, 'kind'> | undefined): boolean {
  return step?.kind === 'checkIn' || step?.kind === 'stage' || step?.kind === 'checkOut';
}

/** A step's visibility now: the facilitator's choice, else the step's default. */
export function visibilityOf(view: BoardView, stepId: string): Visibility {
  return view.stepState[stepId]?.visibility ?? 'named';
}

export function roundOf(view: BoardView, stepId: string): number {
  return view.stepState[stepId]?.round ?? 1;
}

export const visibilityText: Record<Visibility, { label: string; explain: string }> = {
  named: {
    label: 'Named',
    explain: 'Everyone sees each note and the name of the person who wrote it.',
  },
  anonymous: {
    label: 'Anonymous',
    explain:
      'Everyone sees each note but nobody, the facilitator included, sees who wrote it. Notes appear in batches, once several people have written; a note that cannot stay anonymous goes back to its author.',
  },
  hidden: {
    label: 'Hidden until revealed',
    explain:
      'Silent writing: only you see your notes until the facilitator reveals them all at once.',
  },
};

/** What this person may do right now, from their role and the board. */
export interface Standing {
  role: Role;
  facilitating: boolean;
  /** Known once the server sent the private view. */
  acceptedAgreement: boolean | undefined;
  /** The session is open and this browser is still let in. */
  open: boolean;
  /** May write on the board at all now (notes, votes): the core's `canContribute`. */
  contributes: boolean;
}

export function standingOf(
  fallbackRole: Role,
  mine: PrivateView | undefined,
  view: BoardView,
  open: boolean,
): Standing {
  const role = mine?.role ?? fallbackRole;
  const facilitating = isFacilitating(role);
  const acceptedAgreement = mine?.acceptedAgreement ?? (facilitating ? true : undefined);
  const contributes =
    open && role !== 'observer' && (facilitating || (acceptedAgreement === true && !view.locked));
  return { role, facilitating, acceptedAgreement, open, contributes };
}

/** "Step 4 of 9". */
export function stepPosition(view: BoardView): string {
  return `Step ${view.currentStepIndex + 1} of ${view.steps.length}`;
}

export const stepKindLabel: Record<BoardStepView['kind'], string> = {
  lobby: 'Before we start',
  previousActions: 'Follow-up',
  checkIn: 'Check-in',
  agreement: 'Agreement',
  stage: 'Reflection',
  actions: 'Actions',
  checkOut: 'Check-out',
};
