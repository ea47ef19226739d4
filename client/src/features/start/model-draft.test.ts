import { describe, expect, it } from 'vitest';
import {
  defaultGuidance,
  emptyModelDraft,
  moveStage,
  newStageDraft,
  slugify,
  stageIdsFor,
  validateDraft,
  type ModelDraft,
} from './model-draft.ts';

function draft(change: Partial<ModelDraft> = {}): ModelDraft {
  const stage = { ...newStageDraft('What went well?'), prompts: ['What worked for us?'] };
  return {
    ...emptyModelDraft('Fay'),
    name: 'Our weekly look back',
    whenToUse: 'At the end of each week.',
    stages: [stage],
    ...change,
  };
}

describe('composing a model', () => {
  it('stage ids come from titles, unique, never a step every session has', () => {
    expect(slugify('So what?')).toBe('so-what');
    expect(slugify('Réflexion à chaud')).toBe('reflexion-a-chaud');
    expect(stageIdsFor(['What?', 'What!', '???', 'Actions', 'Check-in'])).toEqual([
      'what',
      'what-2',
      'stage-3',
      'actions-2',
      'check-in-2',
    ]);
  });

  it('a complete draft passes the shared model schema; blank guidance gets a default', () => {
    const checked = validateDraft(draft());
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.model.stages[0]).toMatchObject({
      id: 'what-went-well',
      timeboxMinutes: 10,
      guidance: defaultGuidance,
    });
    expect(checked.model.source).toEqual({ authors: 'Fay', year: '' });
  });

  it('problems are reported by field, in plain words', () => {
    const stage = { ...newStageDraft(''), prompts: ['Fine', '  '], timeboxMinutes: '0' };
    const checked = validateDraft(draft({ name: ' ', authors: '', stages: [stage] }));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual([
      'name',
      'source.authors',
      'stages.0.prompts.1',
      'stages.0.timeboxMinutes',
      'stages.0.title',
    ]);
    expect(checked.errors['stages.0.timeboxMinutes']).toMatch(/between 1 and 180/);
  });

  it('lengths that are not whole minutes are refused', () => {
    const stage = { ...newStageDraft('A'), prompts: ['Q'], timeboxMinutes: '2.5' };
    const checked = validateDraft(draft({ stages: [stage] }));
    expect(checked.ok ? undefined : Object.keys(checked.errors)).toEqual([
      'stages.0.timeboxMinutes',
    ]);
  });

  it('stages move up and down, and not past either end', () => {
    const [a, b, c] = [newStageDraft('A'), newStageDraft('B'), newStageDraft('C')];
    const titles = (stages: Array<{ title: string }>) => stages.map((stage) => stage.title);
    expect(titles(moveStage([a, b, c], 2, 1))).toEqual(['A', 'C', 'B']);
    expect(titles(moveStage([a, b, c], 0, -1))).toEqual(['A', 'B', 'C']);
  });
});
