import {
  boardDocKeys,
  effectiveVisibility,
  takesNotes,
  type BoardStepStateView,
  type NoteState,
  type SessionState,
} from '@reflectory/shared';
import * as Y from 'yjs';

/** Origin of every change the server makes, so listeners can tell our writes apart. */
export const serverOrigin = Symbol('reflectory-server');

/**
 * Runs `change` in one Yjs transaction and returns the update it produced (undefined if it
 * changed nothing). The caller persists the update before anyone sees it.
 */
export function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array | undefined {
  let captured: Uint8Array | undefined;
  const listener = (update: Uint8Array) => {
    captured = captured ? Y.mergeUpdates([captured, update]) : update;
  };
  doc.on('update', listener);
  try {
    doc.transact(change, serverOrigin);
  } finally {
    doc.off('update', listener);
  }
  return captured;
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  const current = map.get(key);
  if (current === value) return;
  if (
    typeof value === 'object' &&
    value !== null &&
    JSON.stringify(current) === JSON.stringify(value)
  )
    return;
  map.set(key, value);
}

function stepStateOf(state: SessionState, stepId: string): BoardStepStateView {
  const voting = state.voting[stepId];
  return {
    visibility: effectiveVisibility(state, stepId) ?? 'named',
    round: state.rounds[stepId] ?? 1,
    voting: voting
      ? {
          status: voting.status,
          round: voting.round,
          budget: voting.budget,
          maxPerNote: voting.maxPerNote,
        }
      : null,
  };
}

function writeNote(
  notes: Y.Map<Y.Map<unknown>>,
  noteId: string,
  note: NoteState,
  state: SessionState,
  order: number,
): void {
  let map = notes.get(noteId);
  if (!map) {
    map = new Y.Map<unknown>();
    map.set('id', noteId);
    map.set('stepId', note.stepId);
    map.set('round', note.round);
    map.set('anonymous', note.authorId === null);
    if (note.authorId !== null) {
      map.set('authorId', note.authorId);
      map.set('authorName', state.participants[note.authorId]?.name ?? '');
    }
    map.set('shownAt', note.shownAt ?? 0);
    map.set('order', order);
    map.set('text', note.text);
    map.set('groupId', note.groupId);
    if (note.editedAt !== null) map.set('editedAt', note.editedAt);
    notes.set(noteId, map);
    return;
  }
  setIfChanged(map, 'text', note.text);
  setIfChanged(map, 'groupId', note.groupId);
  if (note.editedAt !== null) setIfChanged(map, 'editedAt', note.editedAt);
}

/**
 * Brings the board document from what `prev` showed to what `next` shows, touching only what
 * changed (so updates stay small and item ids stay stable). Hidden notes are never written; a
 * reveal writes its notes in `revealOrder`.
 */
export function projectBoard(
  doc: Y.Doc,
  prev: SessionState | null,
  next: SessionState,
  revealOrder: readonly string[] = [],
): void {
  const session = doc.getMap<unknown>(boardDocKeys.session);
  setIfChanged(session, 'title', next.title);
  setIfChanged(session, 'status', next.status);
  setIfChanged(session, 'modelId', next.modelId);
  setIfChanged(session, 'modelName', next.modelName);
  setIfChanged(session, 'currentStep', next.currentStep);
  setIfChanged(session, 'locked', next.locked);
  setIfChanged(session, 'spotlight', next.spotlight);
  setIfChanged(session, 'agreementText', next.agreementText);

  if (prev === null) {
    doc.getArray(boardDocKeys.steps).push(
      next.steps.map((step) => ({
        id: step.id,
        kind: step.kind,
        title: step.title,
        prompts: [...step.prompts],
        timeboxMinutes: step.timeboxMinutes,
        voting: step.voting,
        grouping: step.grouping,
      })),
    );
  }

  const stepState = doc.getMap<unknown>(boardDocKeys.stepState);
  for (const step of next.steps) {
    if (!takesNotes(step)) continue;
    if (
      prev === null ||
      prev.voting[step.id] !== next.voting[step.id] ||
      prev.rounds[step.id] !== next.rounds[step.id] ||
      prev.visibility[step.id] !== next.visibility[step.id]
    ) {
      setIfChanged(stepState, step.id, stepStateOf(next, step.id));
    }
  }

  if (prev === null || prev.timer !== next.timer) {
    const timer = doc.getMap<unknown>(boardDocKeys.timer);
    setIfChanged(timer, 'stepId', next.timer.stepId);
    setIfChanged(timer, 'status', next.timer.status);
    setIfChanged(timer, 'durationMs', next.timer.durationMs);
    setIfChanged(timer, 'deadline', next.timer.deadline);
    setIfChanged(timer, 'remainingMs', next.timer.remainingMs);
  }

  if (prev === null || prev.notes !== next.notes || prev.participants !== next.participants) {
    const notes = doc.getMap<Y.Map<unknown>>(boardDocKeys.notes);
    const positions = new Map(revealOrder.map((id, index) => [id, index]));
    // Released notes are created in the shuffled order: Yjs numbers items as they are created,
    // so writing them in the state's order (posting order) would leak it through item ids.
    const ids = [...revealOrder, ...Object.keys(next.notes).filter((id) => !positions.has(id))];
    for (const noteId of ids) {
      const note = next.notes[noteId];
      if (!note || note.hidden || prev?.notes[noteId] === note) continue;
      writeNote(notes, noteId, note, next, positions.get(noteId) ?? 0);
    }
    for (const noteId of [...notes.keys()]) {
      const note = next.notes[noteId];
      if (!note || note.hidden) notes.delete(noteId);
    }
  }

  if (prev === null || prev.groups !== next.groups) {
    const groups = doc.getMap<unknown>(boardDocKeys.groups);
    for (const [groupId, group] of Object.entries(next.groups)) {
      setIfChanged(groups, groupId, { id: groupId, stepId: group.stepId, title: group.title });
    }
    for (const groupId of [...groups.keys()]) if (!next.groups[groupId]) groups.delete(groupId);
  }

  if (prev === null || prev.voting !== next.voting) {
    const tallies = doc.getMap<unknown>(boardDocKeys.tallies);
    for (const [stepId, voting] of Object.entries(next.voting)) {
      if (voting.status === 'closed' && voting.tallies !== null) {
        setIfChanged(tallies, stepId, { round: voting.round, counts: { ...voting.tallies } });
      }
    }
  }

  if (prev === null || prev.returned !== next.returned) {
    const returned = doc.getMap<unknown>(boardDocKeys.returned);
    for (const [noteId, at] of Object.entries(next.returned)) setIfChanged(returned, noteId, at);
  }

  if (prev === null || prev.actions !== next.actions || prev.participants !== next.participants) {
    const actions = doc.getMap<unknown>(boardDocKeys.actions);
    for (const [actionId, action] of Object.entries(next.actions)) {
      const ownerName =
        action.owner.kind === 'team'
          ? 'The team'
          : (next.participants[action.owner.participantId ?? '']?.name ?? 'Someone who left');
      setIfChanged(actions, actionId, {
        id: actionId,
        text: action.text,
        owner: {
          kind: action.owner.kind,
          participantId: action.owner.participantId,
          name: ownerName,
        },
        due: action.due,
        createdAt: action.createdAt,
      });
    }
    for (const actionId of [...actions.keys()])
      if (!next.actions[actionId]) actions.delete(actionId);
  }

  if (prev === null || prev.previousActions !== next.previousActions) {
    const previous = doc.getMap<unknown>(boardDocKeys.previousActions);
    const before = new Map(prev?.previousActions.map((action) => [action.id, action]));
    next.previousActions.forEach((action, order) => {
      if (before.get(action.id) === action) return;
      setIfChanged(previous, action.id, {
        id: action.id,
        text: action.text,
        ownerName: action.ownerName,
        due: action.due,
        fromSessionTitle: action.fromSessionTitle,
        history: action.history.map((entry) => ({ ...entry })),
        order,
        decision: action.decision && {
          outcome: action.decision.outcome,
          note: action.decision.note,
        },
      });
    });
  }
}
