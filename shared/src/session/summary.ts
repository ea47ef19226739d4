import { z } from 'zod';
import type { NoteState, SessionState } from './state.ts';

/**
 * A session's summary, as exported (JSON, Markdown, CSV) and shown on the summary page. Rules:
 * [EX1] hidden notes (silent writing not yet revealed, anonymous notes still held) never appear;
 * [EX2] an anonymous note carries no author field at all; [EX3] once retention has deleted the
 * board, the summary holds no note text, only what `outcomeOf` keeps; [EX4] only the model's
 * stages are summarised: check-in and check-out are about how people are, not what they learned.
 */

const isoDate = z.string().max(40);

export const summaryNoteSchema = z.object({
  text: z.string(),
  /** The title of the theme the note was grouped under, if any. */
  theme: z.string().nullable(),
  /** Votes from the stage's closed vote; null where no vote was closed. */
  votes: z.number().int().nullable(),
  /** Which run of the stage it was written in (a stage can be run again). */
  round: z.number().int(),
  /** The author's name, on named notes only: an anonymous note has no such field. */
  author: z.string().optional(),
});
export type SummaryNote = z.infer<typeof summaryNoteSchema>;

export const summaryThemeSchema = z.object({
  title: z.string(),
  noteCount: z.number().int(),
  votes: z.number().int().nullable(),
});
export type SummaryTheme = z.infer<typeof summaryThemeSchema>;

export const summaryStageSchema = z.object({
  id: z.string(),
  title: z.string(),
  prompts: z.array(z.string()),
  noteCount: z.number().int(),
  /** Every vote of the stage's closed vote; null where no vote was closed. */
  votes: z.number().int().nullable(),
  themes: z.array(summaryThemeSchema),
  /** Empty once retention has deleted the notes. */
  notes: z.array(summaryNoteSchema),
});
export type SummaryStage = z.infer<typeof summaryStageSchema>;

export const summaryActionSchema = z.object({
  text: z.string(),
  /** A person's name, or "The team". */
  owner: z.string(),
  /** yyyy-mm-dd, or null. */
  due: z.string().nullable(),
});
export type SummaryAction = z.infer<typeof summaryActionSchema>;

/** What the session decided about an action carried over from an earlier session. */
export const summaryPreviousActionSchema = z.object({
  text: z.string(),
  owner: z.string(),
  due: z.string().nullable(),
  decision: z.enum(['done', 'carried', 'dropped']).nullable(),
  note: z.string().nullable(),
});
export type SummaryPreviousAction = z.infer<typeof summaryPreviousActionSchema>;

export const notesDeletedSchema = z.object({
  /** When retention deleted the notes (ISO 8601). */
  at: isoDate,
  /** The retention in force then, in days after the close. */
  retentionDays: z.number().int(),
});
export type NotesDeleted = z.infer<typeof notesDeletedSchema>;

const countsSchema = z.object({
  /** People in the session at its end, facilitators and observers included. */
  participants: z.number().int(),
  /** Revealed notes in the model's stages. */
  notes: z.number().int(),
});

export const reflectionSummarySchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  modelName: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: isoDate,
  closedAt: isoDate.nullable(),
  /** Set once retention has deleted the raw board: the stages then hold no notes. */
  notesDeleted: notesDeletedSchema.nullable(),
  counts: countsSchema,
  stages: z.array(summaryStageSchema),
  actions: z.array(summaryActionSchema),
  previousActions: z.array(summaryPreviousActionSchema),
});
export type ReflectionSummary = z.infer<typeof reflectionSummarySchema>;

/** What outlives the raw board: no note text, only themes, counts, tallies and actions. */
export const sessionOutcomeSchema = z.object({
  title: z.string(),
  modelName: z.string(),
  createdAt: isoDate,
  closedAt: isoDate.nullable(),
  notesDeleted: notesDeletedSchema,
  counts: countsSchema,
  stages: z.array(summaryStageSchema.omit({ notes: true })),
  actions: z.array(summaryActionSchema),
  previousActions: z.array(summaryPreviousActionSchema),
});
export type SessionOutcome = z.infer<typeof sessionOutcomeSchema>;

export interface SummaryMeta {
  sessionId: string;
  createdAt: number;
  closedAt: number | null;
  /** Names of everyone who ever joined, for named notes by people since removed. */
  names?: Readonly<Record<string, string>>;
}

export const teamOwnerName = 'The team';
const removedAuthorName = 'A person no longer in the session';

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function closedTallies(
  state: SessionState,
  stepId: string,
): Readonly<Record<string, number>> | null {
  const voting = state.voting[stepId];
  return voting?.status === 'closed' ? (voting.tallies ?? {}) : null;
}

function nameOf(state: SessionState, meta: SummaryMeta, participantId: string): string {
  return (
    state.participants[participantId]?.name ?? meta.names?.[participantId] ?? removedAuthorName
  );
}

function summaryNote(
  state: SessionState,
  meta: SummaryMeta,
  noteId: string,
  note: NoteState,
  tallies: Readonly<Record<string, number>> | null,
): SummaryNote {
  const theme = note.groupId === null ? null : (state.groups[note.groupId]?.title ?? null);
  const votes = tallies === null ? null : (tallies[noteId] ?? 0);
  const base = { text: note.text, theme, votes, round: note.round };
  // [EX2] The field is absent, not empty: nothing in the file says who wrote an anonymous note.
  return note.authorId === null ? base : { ...base, author: nameOf(state, meta, note.authorId) };
}

function byVotesThenTitle(a: SummaryTheme, b: SummaryTheme): number {
  return (
    (b.votes ?? 0) - (a.votes ?? 0) || b.noteCount - a.noteCount || a.title.localeCompare(b.title)
  );
}

function stageSummary(state: SessionState, meta: SummaryMeta, stepId: string): SummaryStage {
  const step = state.steps.find((candidate) => candidate.id === stepId);
  const tallies = closedTallies(state, stepId);
  // [EX1] Hidden and held notes are left out here, before anything else sees them.
  // [EX2] Notes shown together (a released batch) are ordered by id, never by the state's order:
  // in a live room that is the order their anonymous authors posted them.
  const shown = Object.entries(state.notes)
    .filter(([, note]) => note.stepId === stepId && !note.hidden && !note.held)
    .sort(([idA, a], [idB, b]) => (a.shownAt ?? 0) - (b.shownAt ?? 0) || idA.localeCompare(idB));
  const notes = shown.map(([noteId, note]) => ({
    groupId: note.groupId,
    note: summaryNote(state, meta, noteId, note, tallies),
  }));

  const themes = Object.entries(state.groups)
    .filter(([, group]) => group.stepId === stepId)
    .map(([groupId, group]) => {
      const inTheme = notes.filter((entry) => entry.groupId === groupId);
      return {
        groupId,
        theme: {
          title: group.title,
          noteCount: inTheme.length,
          votes:
            tallies === null
              ? null
              : inTheme.reduce((sum, entry) => sum + (entry.note.votes ?? 0), 0),
        },
      };
    })
    .sort((a, b) => byVotesThenTitle(a.theme, b.theme));
  const themeRank = new Map(themes.map((entry, index) => [entry.groupId, index]));
  const rank = (groupId: string | null) =>
    groupId === null ? themes.length : (themeRank.get(groupId) ?? themes.length);
  const ordered = notes
    .map((entry, index) => ({ ...entry, index }))
    .sort(
      (a, b) =>
        rank(a.groupId) - rank(b.groupId) ||
        (b.note.votes ?? 0) - (a.note.votes ?? 0) ||
        a.index - b.index,
    )
    .map((entry) => entry.note);

  return {
    id: stepId,
    title: step?.title ?? stepId,
    prompts: [...(step?.prompts ?? [])],
    noteCount: notes.length,
    votes: tallies === null ? null : notes.reduce((sum, entry) => sum + (entry.note.votes ?? 0), 0),
    themes: themes.map((entry) => entry.theme),
    notes: ordered,
  };
}

/** The summary of a session's board as it stands. Pure; times are passed in `meta`. */
export function summarize(state: SessionState, meta: SummaryMeta): ReflectionSummary {
  const stages = state.steps
    .filter((step) => step.kind === 'stage')
    .map((step) => stageSummary(state, meta, step.id));
  const actions = Object.values(state.actions)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((action) => ({
      text: action.text,
      owner:
        action.owner.kind === 'team' || action.owner.participantId === null
          ? teamOwnerName
          : nameOf(state, meta, action.owner.participantId),
      due: action.due,
    }));
  return {
    sessionId: meta.sessionId,
    title: state.title,
    modelName: state.modelName,
    status: state.status,
    createdAt: iso(meta.createdAt),
    closedAt: meta.closedAt === null ? null : iso(meta.closedAt),
    notesDeleted: null,
    counts: {
      participants: Object.keys(state.participants).length,
      notes: stages.reduce((sum, stage) => sum + stage.noteCount, 0),
    },
    stages,
    actions,
    previousActions: state.previousActions.map((action) => ({
      text: action.text,
      owner: action.ownerName ?? teamOwnerName,
      due: action.due,
      decision: action.decision?.outcome ?? null,
      note: action.decision?.note ?? null,
    })),
  };
}

/** [EX3] What retention keeps of a summary: everything but the notes themselves. */
export function outcomeOf(summary: ReflectionSummary, notesDeleted: NotesDeleted): SessionOutcome {
  return {
    title: summary.title,
    modelName: summary.modelName,
    createdAt: summary.createdAt,
    closedAt: summary.closedAt,
    notesDeleted,
    counts: summary.counts,
    stages: summary.stages.map(({ notes: _notes, ...stage }) => stage),
    actions: summary.actions,
    previousActions: summary.previousActions,
  };
}

/** The summary of a session whose board retention has deleted: its outcome, with no notes. */
export function summaryFromOutcome(sessionId: string, outcome: SessionOutcome): ReflectionSummary {
  return {
    sessionId,
    title: outcome.title,
    modelName: outcome.modelName,
    status: 'closed',
    createdAt: outcome.createdAt,
    closedAt: outcome.closedAt,
    notesDeleted: outcome.notesDeleted,
    counts: outcome.counts,
    stages: outcome.stages.map((stage) => ({ ...stage, notes: [] })),
    actions: outcome.actions,
    previousActions: outcome.previousActions,
  };
}
