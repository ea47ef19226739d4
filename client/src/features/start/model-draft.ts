import {
  modelSchema,
  reservedStepIds,
  type ReflectionModel,
  type Visibility,
} from '@reflectory/shared';
import type { NewModel } from '../../api/models-api.ts';

export interface StageDraft {
  /** Stable across edits and moves, for React and for focus; not the stage's id. */
  key: string;
  title: string;
  prompts: string[];
  timeboxMinutes: string;
  visibility: Visibility;
  voting: boolean;
  grouping: boolean;
  guidanceDo: string;
  watchFor: string;
}

export interface ModelDraft {
  name: string;
  whenToUse: string;
  authors: string;
  stages: StageDraft[];
}

export const maxStages = 12;
export const maxPrompts = 3;

/** Used when a stage's guidance is left blank: the facilitator still gets something to go on. */
export const defaultGuidance = {
  do: 'Read the questions aloud, give people a few quiet minutes to write, then invite discussion.',
  watchFor: 'A few voices taking over, and anyone who goes quiet.',
};

let keys = 0;

export function newStageDraft(title = ''): StageDraft {
  keys += 1;
  return {
    key: `stage-draft-${keys}`,
    title,
    prompts: [''],
    timeboxMinutes: '10',
    visibility: 'named',
    voting: false,
    grouping: false,
    guidanceDo: '',
    watchFor: '',
  };
}

export function emptyModelDraft(authors = ''): ModelDraft {
  return { name: '', whenToUse: '', authors, stages: [newStageDraft()] };
}

/** A kebab-case id from a stage title: "So what?" → "so-what". Empty when nothing is left. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
}

/** Unique stage ids from titles, never one of the steps every session has (lobby, actions…). */
export function stageIdsFor(titles: readonly string[]): string[] {
  const used = new Set<string>(reservedStepIds);
  return titles.map((title, index) => {
    const base = slugify(title) || `stage-${index + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

export function moveStage(stages: readonly StageDraft[], from: number, to: number): StageDraft[] {
  if (to < 0 || to >= stages.length || from === to) return [...stages];
  const next = [...stages];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

/** Field errors by path: "name", "stages.0.title", "stages.1.prompts.2"… */
export type DraftErrors = Record<string, string>;

const messages: Record<string, string> = {
  name: 'Give the model a name of up to 80 characters.',
  whenToUse: 'Say in a sentence or two (up to 400 characters) when this model fits.',
  'source.authors': 'Say who made it (up to 120 characters), for example your name or your team.',
  stages: 'A model has between 1 and 12 stages.',
  title: 'Give the stage a title of up to 60 characters.',
  prompts: 'A stage has between 1 and 3 questions.',
  prompt: 'Write the question (up to 300 characters), or remove it.',
  timeboxMinutes: 'Give the stage a length between 1 and 180 whole minutes.',
  do: 'Up to 600 characters.',
  watchFor: 'Up to 600 characters.',
};

function messageFor(path: readonly PropertyKey[]): { key: string; message: string } {
  const parts = path.map(String);
  if (parts[0] !== 'stages' || parts.length === 1) {
    const key = parts.join('.');
    return { key: key || 'model', message: messages[key] ?? messages.stages ?? '' };
  }
  const [, index, field, sub] = parts;
  if (field === 'prompts' && sub !== undefined) {
    return { key: `stages.${index}.prompts.${sub}`, message: messages.prompt ?? '' };
  }
  if (field === 'guidance') {
    return { key: `stages.${index}.${sub}`, message: messages[sub ?? ''] ?? '' };
  }
  return {
    key: `stages.${index}.${field}`,
    message: messages[field ?? ''] ?? 'Please check this.',
  };
}

/** The model the draft describes, as the server expects it (it fills in id and kind). */
export function modelFromDraft(draft: ModelDraft): NewModel {
  const ids = stageIdsFor(draft.stages.map((stage) => stage.title));
  return {
    name: draft.name.trim(),
    whenToUse: draft.whenToUse.trim(),
    source: { authors: draft.authors.trim(), year: '' },
    stages: draft.stages.map((stage, index) => ({
      id: ids[index] ?? `stage-${index + 1}`,
      title: stage.title.trim(),
      prompts: stage.prompts.map((prompt) => prompt.trim()),
      timeboxMinutes: /^\d+$/.test(stage.timeboxMinutes.trim())
        ? Number(stage.timeboxMinutes.trim())
        : Number.NaN,
      visibility: stage.visibility,
      voting: stage.voting,
      grouping: stage.grouping,
      guidance: {
        do: stage.guidanceDo.trim() || defaultGuidance.do,
        watchFor: stage.watchFor.trim() || defaultGuidance.watchFor,
      },
    })),
  };
}

/**
 * Checks the draft with the same schema the server uses, and says what to fix in words a
 * facilitator understands, by field.
 */
export function validateDraft(
  draft: ModelDraft,
): { ok: true; model: NewModel } | { ok: false; errors: DraftErrors } {
  const model = modelFromDraft(draft);
  const parsed = modelSchema.safeParse({
    ...model,
    id: 'custom',
    kind: 'custom',
  } satisfies ReflectionModel);
  if (parsed.success) return { ok: true, model };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const { key, message } = messageFor(issue.path);
    errors[key] ??= message;
  }
  return { ok: false, errors };
}
