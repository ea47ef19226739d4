import { heldItems, type AnonymousPool } from '../anonymous-release.ts';
import type { Actor, SessionCommand, SessionEvent } from '../commands.ts';
import { decide } from '../decide.ts';
import { evolve, initialState, withParticipant } from '../evolve.ts';
import { findModel } from '../models/catalog.ts';
import type { ReflectionModel } from '../models/model.ts';
import type { PreviousAction } from '../previous-actions.ts';
import type { SessionState } from '../state.ts';

export const ids = {
  fay: '00000000-0000-4000-8000-00000000000f',
  cora: '00000000-0000-4000-8000-00000000000c',
  ann: '00000000-0000-4000-8000-00000000000a',
  ben: '00000000-0000-4000-8000-00000000000b',
  olga: '00000000-0000-4000-8000-0000000000aa',
} as const;

export const person = (participantId: string): Actor => ({ kind: 'person', participantId });
export const fay = person(ids.fay);
export const cora = person(ids.cora);
export const ann = person(ids.ann);
export const ben = person(ids.ben);
export const olga = person(ids.olga);
export const system: Actor = { kind: 'system' };

export const t0 = 1_800_000_000_000;

export function model(id = 'what-so-what-now-what'): ReflectionModel {
  const found = findModel(id);
  if (!found) throw new Error(`no model ${id}`);
  return found;
}

/**
 * A session with a facilitator, a co-facilitator, two participants who accepted, and an observer;
 * for a team session, the open actions of its earlier sessions.
 */
export function started(
  reflection: ReflectionModel = model(),
  previousActions: readonly PreviousAction[] = [],
): SessionState {
  let state = initialState({ title: 'Test', model: reflection, previousActions });
  state = withParticipant(state, ids.fay, 'Fay', 'facilitator');
  state = withParticipant(state, ids.cora, 'Cora', 'co-facilitator');
  state = withParticipant(state, ids.ann, 'Ann', 'participant');
  state = withParticipant(state, ids.ben, 'Ben', 'participant');
  state = withParticipant(state, ids.olga, 'Olga', 'observer');
  state = run(state, ann, { type: 'acceptAgreement' });
  state = run(state, ben, { type: 'acceptAgreement' });
  return state;
}

/** Applies a command that must succeed. */
export function run(
  state: SessionState,
  actor: Actor,
  command: SessionCommand,
  now = t0,
): SessionState {
  const result = decide(state, actor, command, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
  return result.data.reduce(evolve, state);
}

export function outcome(
  state: SessionState,
  actor: Actor,
  command: SessionCommand,
  now = t0,
): string {
  const result = decide(state, actor, command, now);
  return result.ok ? 'ok' : result.error.code;
}

export function events(
  state: SessionState,
  actor: Actor,
  command: SessionCommand,
  now = t0,
): SessionEvent[] {
  const result = decide(state, actor, command, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
  return result.data;
}

export function stepIndex(state: SessionState, stepId: string): number {
  const index = state.steps.findIndex((step) => step.id === stepId);
  if (index < 0) throw new Error(`no step ${stepId}`);
  return index;
}

export function at(state: SessionState, stepId: string): SessionState {
  return run(state, fay, { type: 'goToStep', stepIndex: stepIndex(state, stepId) });
}

let counter = 0;
export function newId(): string {
  counter += 1;
  return `10000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function addNote(
  state: SessionState,
  actor: Actor,
  stepId: string,
  text = 'a note',
  options: { anonymous?: boolean; ownerHash?: string | null } = {},
): { state: SessionState; noteId: string } {
  const noteId = newId();
  const next = run(state, actor, {
    type: 'addNote',
    noteId,
    stepId,
    text,
    anonymous: options.anonymous ?? false,
    ownerHash: options.ownerHash ?? null,
  });
  return { state: next, noteId };
}

/**
 * What the shell would pass about held anonymous items: `order` (default: every hidden or held
 * note, as they sit in the state), and `authors` different people behind every batch.
 */
export function poolFor(
  state: SessionState,
  options: { order?: readonly string[]; authors?: number; minBatch?: number } = {},
): AnonymousPool {
  const authors: Record<string, number> = {};
  for (const item of heldItems(state)) authors[item.batch] = options.authors ?? 3;
  return {
    order:
      options.order ??
      Object.entries(state.notes)
        .filter(([, note]) => note.hidden || note.held || note.pendingChange !== null)
        .map(([id]) => id),
    authors,
    minBatch: options.minBatch ?? 3,
  };
}

/** A pool with nothing held. */
export const noPool: AnonymousPool = { order: [], authors: {}, minBatch: 3 };
