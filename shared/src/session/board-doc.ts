import type * as Y from 'yjs';
import type { Visibility } from './models/model.ts';
import type { PreviousActionEntry, ReviewOutcome } from './previous-actions.ts';
import type { StepKind } from './steps.ts';

/**
 * The shape of `session/<id>/board`, the shared document that only the server writes and every
 * member of the session reads. Nothing in it is hidden from anyone in the session: hidden notes
 * enter it only when revealed, anonymous notes carry no author, votes appear only as tallies.
 *
 * - map `session`: `title`, `status` ('open' | 'closed'), `modelId`, `modelName`, `currentStep`
 *   (index into `steps`), `locked`, `spotlight` (note id or null), `agreementText`
 * - array `steps`: `{ id, kind, title, prompts, timeboxMinutes, voting, grouping }`
 * - map `stepState`: step id → `{ visibility, round, voting: { status, round, budget, maxPerNote } | null }`
 * - map `timer`: `stepId`, `status` ('idle' | 'running' | 'paused' | 'expired'), `durationMs`,
 *   `deadline` (server ms since the epoch, or null), `remainingMs`
 * - map `notes`: note id → map `{ id, stepId, round, text, anonymous, authorId?, authorName?,
 *   groupId, shownAt, order, editedAt }`
 * - map `groups`: theme id → `{ id, stepId, title }`
 * - map `tallies`: step id → `{ round, counts: { noteId: votes } }`
 * - map `actions`: action id → `{ id, text, owner: { kind, participantId, name }, due, createdAt }`
 * - map `previousActions`: action id → `{ id, text, ownerName, due, fromSessionTitle, history,
 *   order, decision: { outcome, note } | null }` (a team session's open actions from before)
 * - map `returned`: note id → when (server ms): held anonymous notes, or held changes to shown
 *   ones, that went back to their authors unshown (rules AR3–AR5). Only the browser holding a
 *   note's secret knows which are its own.
 */
export const boardDocKeys = {
  session: 'session',
  steps: 'steps',
  stepState: 'stepState',
  timer: 'timer',
  notes: 'notes',
  groups: 'groups',
  tallies: 'tallies',
  actions: 'actions',
  previousActions: 'previousActions',
  returned: 'returned',
} as const;

export function boardDocName(sessionId: string): string {
  return `session/${sessionId}/board`;
}

export interface BoardStepView {
  id: string;
  kind: StepKind;
  title: string;
  prompts: string[];
  timeboxMinutes: number;
  voting: boolean;
  grouping: boolean;
}

export interface BoardStepStateView {
  visibility: Visibility;
  round: number;
  voting: { status: 'open' | 'closed'; round: number; budget: number; maxPerNote: number } | null;
}

export interface BoardNoteView {
  id: string;
  stepId: string;
  /** The same as `stepId`: the board area the note sits in. */
  areaId: string;
  round: number;
  text: string;
  anonymous: boolean;
  /** Absent on anonymous notes. */
  authorId: string | undefined;
  authorName: string | undefined;
  groupId: string | null;
  /** When everyone could first see it. */
  createdAt: number;
  order: number;
  editedAt: number | undefined;
}

export interface BoardTimerView {
  stepId: string;
  status: 'idle' | 'running' | 'paused' | 'expired';
  durationMs: number;
  deadline: number | null;
  remainingMs: number;
}

export interface BoardActionView {
  id: string;
  text: string;
  owner: { kind: 'participant' | 'team'; participantId: string | null; name: string };
  due: string | null;
  createdAt: number;
}

export interface BoardPreviousActionView {
  id: string;
  text: string;
  /** Null when the team owns it. */
  ownerName: string | null;
  due: string | null;
  fromSessionTitle: string | null;
  /** What happened in earlier sessions, oldest first. */
  history: PreviousActionEntry[];
  /** Its place in the review. */
  order: number;
  /** What this session decided, or null until it does. */
  decision: { outcome: ReviewOutcome; note: string | null } | null;
}

export interface BoardView {
  title: string;
  status: 'open' | 'closed';
  modelId: string;
  modelName: string;
  steps: BoardStepView[];
  currentStepIndex: number;
  currentStep: BoardStepView | undefined;
  stepState: Record<string, BoardStepStateView>;
  /** Steps that take notes, as board areas with their prompts. */
  areas: Array<{ id: string; title: string; prompt: string }>;
  locked: boolean;
  spotlight: string | null;
  agreementText: string;
  timer: BoardTimerView | undefined;
  /** In the order they became visible. */
  notes: BoardNoteView[];
  groups: Array<{ id: string; stepId: string; title: string }>;
  tallies: Record<string, { round: number; counts: Record<string, number> }>;
  actions: BoardActionView[];
  /** A team session's open actions from earlier sessions, in review order. */
  previousActions: BoardPreviousActionView[];
  /** Held anonymous items that went back to their authors unshown: note id → when. */
  returned: Record<string, number>;
}

function str(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
}

function num(map: Y.Map<unknown>, key: string): number | undefined {
  const value = map.get(key);
  return typeof value === 'number' ? value : undefined;
}

function plainValues<T>(map: Y.Map<unknown>): T[] {
  const values: T[] = [];
  map.forEach((value) => values.push(value as T));
  return values;
}

function returnedOf(doc: Y.Doc): Record<string, number> {
  const returned: Record<string, number> = {};
  doc.getMap<unknown>(boardDocKeys.returned).forEach((at, noteId) => {
    if (typeof at === 'number') returned[noteId] = at;
  });
  return returned;
}

/** Reads a replica into plain data; tolerant of a document that is still syncing. */
export function readBoard(doc: Y.Doc): BoardView {
  const session = doc.getMap<unknown>(boardDocKeys.session);
  const steps = doc.getArray<BoardStepView>(boardDocKeys.steps).toArray();
  const stepStateMap = doc.getMap<BoardStepStateView>(boardDocKeys.stepState);
  const stepState: Record<string, BoardStepStateView> = {};
  stepStateMap.forEach((value, key) => (stepState[key] = value));

  const notes: BoardNoteView[] = [];
  doc.getMap<Y.Map<unknown>>(boardDocKeys.notes).forEach((note) => {
    const stepId = str(note, 'stepId');
    const authorId = note.get('authorId');
    const authorName = note.get('authorName');
    const groupId = note.get('groupId');
    notes.push({
      id: str(note, 'id'),
      stepId,
      areaId: stepId,
      round: num(note, 'round') ?? 1,
      text: str(note, 'text'),
      anonymous: note.get('anonymous') === true,
      authorId: typeof authorId === 'string' ? authorId : undefined,
      authorName: typeof authorName === 'string' ? authorName : undefined,
      groupId: typeof groupId === 'string' ? groupId : null,
      createdAt: num(note, 'shownAt') ?? 0,
      order: num(note, 'order') ?? 0,
      editedAt: num(note, 'editedAt'),
    });
  });
  notes.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order || a.id.localeCompare(b.id));

  const timerMap = doc.getMap<unknown>(boardDocKeys.timer);
  const timerStatus = timerMap.get('status');
  const timer: BoardTimerView | undefined =
    typeof timerStatus === 'string'
      ? {
          stepId: str(timerMap, 'stepId'),
          status: timerStatus as BoardTimerView['status'],
          durationMs: num(timerMap, 'durationMs') ?? 0,
          deadline: num(timerMap, 'deadline') ?? null,
          remainingMs: num(timerMap, 'remainingMs') ?? 0,
        }
      : undefined;

  const tallies: BoardView['tallies'] = {};
  doc
    .getMap<{ round: number; counts: Record<string, number> }>(boardDocKeys.tallies)
    .forEach((value, key) => {
      tallies[key] = value;
    });

  const currentStepIndex = num(session, 'currentStep') ?? 0;
  const spotlight = session.get('spotlight');
  return {
    title: str(session, 'title'),
    status: session.get('status') === 'closed' ? 'closed' : 'open',
    modelId: str(session, 'modelId'),
    modelName: str(session, 'modelName'),
    steps,
    currentStepIndex,
    currentStep: steps[currentStepIndex],
    stepState,
    areas: steps
      .filter(
        (step) => step.kind === 'stage' || step.kind === 'checkIn' || step.kind === 'checkOut',
      )
      .map((step) => ({ id: step.id, title: step.title, prompt: step.prompts.join(' ') })),
    locked: session.get('locked') === true,
    spotlight: typeof spotlight === 'string' ? spotlight : null,
    agreementText: str(session, 'agreementText'),
    timer,
    notes,
    groups: plainValues<{ id: string; stepId: string; title: string }>(
      doc.getMap(boardDocKeys.groups),
    ),
    tallies,
    actions: plainValues<BoardActionView>(doc.getMap(boardDocKeys.actions)).sort(
      (a, b) => a.createdAt - b.createdAt,
    ),
    previousActions: plainValues<BoardPreviousActionView>(
      doc.getMap(boardDocKeys.previousActions),
    ).sort((a, b) => a.order - b.order),
    returned: returnedOf(doc),
  };
}
