import { describe, expect, it } from 'vitest';
import { decideJoin, type JoinStanding } from './joining.ts';
import type { Role } from './roles.ts';

const as = (role: Role, removed = false): JoinStanding => ({ role, removed });

function outcome(
  current: JoinStanding | undefined,
  linked: JoinStanding[],
  asNewParticipant: boolean,
): string {
  const decided = decideJoin({ current, linked, asNewParticipant });
  return decided.ok ? decided.data.kind : decided.error.code;
}

describe('joining a session', () => {
  it.each([
    ['as themselves', as('participant', true), [], false],
    ['as someone new', as('participant', true), [], true],
    ['as an observer who was then removed, as someone new', as('observer', true), [], true],
    [
      'with their account from a browser that is someone else',
      as('participant'),
      [as('participant', true)],
      true,
    ],
    ['with their account from a fresh browser', undefined, [as('participant', true)], false],
  ])('[RJ1] a removed person is refused %s', (_how, current, linked, asNew) => {
    const decided = decideJoin({ current, linked, asNewParticipant: asNew });
    expect(decided.ok ? decided.data.kind : decided.error).toEqual({
      code: 'forbidden',
      message: 'The facilitator removed you from this session.',
    });
  });

  it.each([
    ['from the same browser', as('observer'), []],
    ['with the same account from another browser', as('observer'), [as('observer')]],
    [
      'by linking the account from a browser that is someone else',
      as('participant'),
      [as('observer')],
    ],
    ['with an account that is one, from a fresh browser', undefined, [as('observer')]],
  ])('[RJ2] an observer cannot join again as someone new %s', (_how, current, linked) => {
    const decided = decideJoin({ current, linked, asNewParticipant: true });
    expect(decided.ok).toBe(false);
    if (decided.ok) return;
    expect(decided.error.code).toBe('forbidden');
    expect(decided.error.message).toMatch(/observer.*ask the facilitator/);
  });

  it('[RJ2] an observer still comes back as the observer they are', () => {
    const olive = { ...as('observer'), id: 'olive' };
    expect(decideJoin({ current: olive, linked: [olive], asNewParticipant: false })).toEqual({
      ok: true,
      data: { kind: 'returning', participant: olive },
    });
  });

  it('[RJ3] the facilitator’s browser cannot join as someone new', () => {
    expect(outcome(as('facilitator'), [], true)).toBe('conflict');
    expect(outcome(as('facilitator'), [], false)).toBe('returning');
  });

  it.each([
    [
      'a browser already in the session comes back as itself',
      as('participant'),
      [],
      false,
      'returning',
    ],
    ['a co-facilitator comes back as themselves', as('co-facilitator'), [], false, 'returning'],
    ['a participant may join as someone new', as('participant'), [], true, 'newcomer'],
    ['a co-facilitator may join as someone new', as('co-facilitator'), [], true, 'newcomer'],
    ['a browser not in the session joins', undefined, [], false, 'newcomer'],
    [
      'asking to be new from a browser not in the session is just joining',
      undefined,
      [],
      true,
      'newcomer',
    ],
    [
      'an account with only participants may join as someone new',
      as('participant'),
      [as('participant')],
      true,
      'newcomer',
    ],
  ])('[RJ4] %s', (_what, current, linked, asNew, expected) => {
    expect(outcome(current, linked, asNew)).toBe(expected);
  });
});
