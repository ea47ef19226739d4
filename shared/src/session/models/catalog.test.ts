import { describe, expect, it } from 'vitest';
import { defaultModelId, findModel, modelCatalog } from './catalog.ts';
import { groupFormats } from './group-formats.ts';
import { modelSchema, type ReflectionModel } from './model.ts';
import { reflectiveModels } from './reflective-models.ts';
import { retrospectives } from './retrospectives.ts';

const requiredIds = {
  'reflective-model': [
    'gibbs',
    'kolb',
    'what-so-what-now-what',
    'rolfe',
    'johns',
    'atkins-murphy',
    'era',
    'diep',
    'brookfield-four-lenses',
    'schon',
    'proctor',
  ],
  'group-format': [
    'after-action-review',
    'critical-incident-questionnaire',
    'case-discussion',
    'action-learning-set',
    'story-rounds',
  ],
  retrospective: ['start-stop-continue', 'four-ls', 'mad-sad-glad', 'sailboat'],
} as const;

function texts(model: ReflectionModel): string[] {
  return model.stages.flatMap((stage) => [
    ...stage.prompts,
    stage.guidance.do,
    stage.guidance.watchFor,
  ]);
}

function mustFind(id: string): ReflectionModel {
  const model = findModel(id);
  if (!model) throw new Error(`model ${id} is missing from the catalog`);
  return model;
}

describe('model catalog', () => {
  it.each(modelCatalog.map((model) => [model.id, model] as const))(
    '%s passes the model schema',
    (_id, model) => {
      const result = modelSchema.safeParse(model);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    },
  );

  it('has unique ids across the catalog', () => {
    const ids = modelCatalog.map((model) => model.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(Object.entries(requiredIds))(
    'contains every required %s, with that kind',
    (kind, ids) => {
      for (const id of ids) {
        expect(findModel(id)?.kind, id).toBe(kind);
      }
    },
  );

  it('keeps each file to its own kind, with reflective models first', () => {
    expect(reflectiveModels.every((model) => model.kind === 'reflective-model')).toBe(true);
    expect(groupFormats.every((model) => model.kind === 'group-format')).toBe(true);
    expect(retrospectives.every((model) => model.kind === 'retrospective')).toBe(true);
    expect(modelCatalog.slice(0, reflectiveModels.length)).toEqual(reflectiveModels);
    expect(modelCatalog).toHaveLength(
      reflectiveModels.length + groupFormats.length + retrospectives.length,
    );
  });

  it('has at least 20 models', () => {
    expect(modelCatalog.length).toBeGreaterThanOrEqual(20);
  });

  it('has unique stage ids within each model, and 1 to 3 prompts per stage', () => {
    for (const model of modelCatalog) {
      const stageIds = model.stages.map((stage) => stage.id);
      expect(new Set(stageIds).size, model.id).toBe(stageIds.length);
      for (const stage of model.stages) {
        expect(stage.prompts.length, `${model.id}/${stage.id}`).toBeGreaterThanOrEqual(1);
        expect(stage.prompts.length, `${model.id}/${stage.id}`).toBeLessThanOrEqual(3);
      }
    }
  });

  it('never repeats a prompt or a piece of guidance verbatim across models', () => {
    const owners = new Map<string, string>();
    const repeats: string[] = [];
    for (const model of modelCatalog) {
      for (const text of new Set(texts(model))) {
        const owner = owners.get(text);
        if (owner !== undefined) repeats.push(`${owner} and ${model.id}: ${text}`);
        else owners.set(text, model.id);
      }
    }
    expect(repeats).toEqual([]);
  });

  it('never mentions the licensed rounds programme by name', () => {
    expect(JSON.stringify(modelCatalog)).not.toMatch(/schwartz/i);
  });

  it("resolves the default model, with Borton's three stages", () => {
    expect(defaultModelId).toBe('what-so-what-now-what');
    expect(mustFind(defaultModelId).stages.map((stage) => stage.id)).toEqual([
      'what',
      'so-what',
      'now-what',
    ]);
    expect(findModel('no-such-model')).toBeUndefined();
  });

  it('keeps every Critical Incident Questionnaire stage anonymous', () => {
    const stages = mustFind('critical-incident-questionnaire').stages;
    expect(stages.map((stage) => stage.visibility)).toEqual(stages.map(() => 'anonymous'));
    expect(stages.map((stage) => stage.id)).toEqual(
      expect.arrayContaining([
        'most-engaged',
        'most-distanced',
        'most-affirming',
        'most-puzzling',
        'most-surprising',
      ]),
    );
  });

  it.each(retrospectives.map((model) => [model.id, model] as const))(
    '%s lets the team vote on at least one stage',
    (_id, model) => {
      expect(model.stages.some((stage) => stage.voting)).toBe(true);
    },
  );

  it('runs a Balint-style case discussion with clarifying questions only, then a listening presenter', () => {
    const stages = mustFind('case-discussion').stages;
    const clarifying = stages.findIndex((stage) =>
      /clarifying questions only/i.test(stage.guidance.do),
    );
    const listening = stages.findIndex((stage) => /presenter listens/i.test(stage.guidance.do));
    expect(clarifying).toBeGreaterThanOrEqual(0);
    expect(listening).toBeGreaterThan(clarifying);
  });

  // A session wraps the model's stages in fixed steps (lobby, check-in, agreement, actions,
  // check-out: about half an hour), so the stages themselves should leave room for those.
  it('gives each model stages a facilitator can plan a session around', () => {
    for (const model of modelCatalog) {
      const minutes = model.stages.reduce((sum, stage) => sum + stage.timeboxMinutes, 0);
      const shortest = model.id === 'critical-incident-questionnaire' ? 15 : 30;
      expect(minutes, model.id).toBeGreaterThanOrEqual(shortest);
      expect(minutes, model.id).toBeLessThanOrEqual(85);
    }
  });
});
