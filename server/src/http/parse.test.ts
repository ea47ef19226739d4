import { commandSchemas } from '@reflectory/shared';
import { describe, expect, it } from 'vitest';
import { isStorableInstant, parseInput } from './parse.ts';

const note = (text: string) => ({
  commandId: '6a2f41a3-c54c-4ce8-b2d2-0324e1c32e22',
  areaId: 'so-what',
  text,
});

describe('parseInput', () => {
  it.each([
    ['U+0000', 'a\u0000b'],
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate', '\udfff'],
    ['a high surrogate at the end', 'emoji \ud83d'],
  ])('[S1] refuses text with %s, which the store cannot hold, as invalid', (_, text) => {
    expect(parseInput(commandSchemas['note:add'], note(text))).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'text: text cannot contain the character U+0000 or half of a surrogate pair',
      },
    });
  });

  it.each([
    ['an emoji (a whole surrogate pair)', 'well done 😀'],
    ['other control characters', 'tab\there'],
    ['right-to-left and zero-width marks', '\u202eabc\u200b'],
  ])('[S1] accepts text with %s', (_, text) => {
    expect(parseInput(commandSchemas['note:add'], note(text))).toMatchObject({ ok: true });
  });

  it('[S1] names a nested field that holds unstorable text', () => {
    const action = {
      commandId: '6a2f41a3-c54c-4ce8-b2d2-0324e1c32e22',
      text: 'Follow up',
      owner: { kind: 'team', participantId: null },
      due: '2030-01-0\u0000',
    };
    expect(parseInput(commandSchemas['action:add'], action)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^due: /) as unknown },
    });
  });
});

describe('isStorableInstant', () => {
  it.each([
    ['0000-01-01T00:00:00Z', false],
    ['0001-01-01T00:00:00Z', true],
    ['9999-12-31T23:59:59Z', true],
    ['9999-12-31T23:59:59-23:59', false],
    ['2026-06-01T10:00:00+02:00', true],
  ])('[S1] %s is storable: %s', (iso, storable) => {
    expect(isStorableInstant(iso)).toBe(storable);
  });
});
