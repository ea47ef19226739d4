import { z } from 'zod';

/**
 * A reflection model: the stages a facilitator takes a group through. The catalog's models are
 * data; a facilitator's custom model has the same shape and passes the same schema.
 */

export const Visibility = {
  /** Everyone sees each note and its author's name as soon as it is posted. */
  named: 'named',
  /** Everyone sees each note, never its author. */
  anonymous: 'anonymous',
  /** Silent writing: each person sees only their own notes until the facilitator reveals them. */
  hidden: 'hidden',
} as const;
export type Visibility = (typeof Visibility)[keyof typeof Visibility];
export const visibilitySchema = z.enum([Visibility.named, Visibility.anonymous, Visibility.hidden]);

/** Steps every session has around the model's stages; a model's stage may not reuse these ids. */
export const reservedStepIds: readonly string[] = [
  'lobby',
  'previous-actions',
  'check-in',
  'agreement',
  'actions',
  'check-out',
];

export const stageSchema = z.object({
  /** Unique within the model; kebab-case. */
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a stage id is lowercase words joined by dashes'),
  title: z.string().trim().min(1).max(60),
  /** 1–3 questions, each one sentence or two, in our own words. */
  prompts: z.array(z.string().trim().min(1).max(300)).min(1).max(3),
  /** Suggested length of the stage in minutes. */
  timeboxMinutes: z.number().int().min(1).max(180),
  visibility: visibilitySchema,
  voting: z.boolean(),
  grouping: z.boolean(),
  /** For the facilitator only: what to do in this stage, and what to watch for. */
  guidance: z.object({
    do: z.string().trim().min(1).max(600),
    watchFor: z.string().trim().min(1).max(600),
  }),
});
export type Stage = z.infer<typeof stageSchema>;

export const modelKindSchema = z.enum([
  'reflective-model',
  'group-format',
  'retrospective',
  'custom',
]);

export const modelSchema = z
  .object({
    /** Unique in the catalog; kebab-case. */
    id: z
      .string()
      .min(1)
      .max(60)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().trim().min(1).max(80),
    kind: modelKindSchema,
    source: z.object({
      /** e.g. "Gibbs", "Rolfe, Freshwater & Jasper"; for a custom model, who made it. */
      authors: z.string().trim().min(1).max(120),
      /** e.g. "1988" or "1995/2000"; empty for a custom model. */
      year: z.string().trim().max(20),
    }),
    /** One or two sentences: when this model fits. */
    whenToUse: z.string().trim().min(1).max(400),
    stages: z.array(stageSchema).min(1).max(12),
  })
  .refine((model) => new Set(model.stages.map((stage) => stage.id)).size === model.stages.length, {
    message: 'stage ids must be unique within a model',
  })
  .refine((model) => model.stages.every((stage) => !reservedStepIds.includes(stage.id)), {
    message: `a stage id may not be one of ${reservedStepIds.join(', ')}`,
  });
export type ReflectionModel = z.infer<typeof modelSchema>;
