import type { Presence } from '@reflectory/shared';
import * as decoding from 'lib0/decoding';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { RoomPresence } from './room-presence.ts';

const options = { coalesceMs: 75, graceMs: 2000 };

function describePerson(participantId: string): Presence {
  return { participantId, name: participantId, colour: '#336699', role: 'participant' };
}

/** A room's presence and a peer's view of what it broadcast. */
function setUp() {
  const peer = new Awareness(new Y.Doc());
  const broadcasts: Uint8Array[] = [];
  const read = (message: Uint8Array) => {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    applyAwarenessUpdate(peer, decoding.readVarUint8Array(decoder), 'server');
  };
  const presence = new RoomPresence(
    describePerson,
    (message) => {
      broadcasts.push(message);
      read(message);
    },
    options,
  );
  const names = () =>
    [...peer.getStates().entries()]
      .filter(([clientId]) => clientId !== peer.clientID)
      .map(([, state]) => (state as Presence).name)
      .sort();
  return { presence, broadcasts, names, read };
}

describe('presence on a board', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a newcomer is announced at once', () => {
    const { presence, broadcasts, names } = setUp();
    presence.arrive('ann');
    expect(broadcasts).toHaveLength(1);
    expect(names()).toEqual(['ann']);
  });

  it('arrivals within the coalescing interval go out as one broadcast', async () => {
    const { presence, broadcasts, names } = setUp();
    presence.arrive('ann');
    for (const person of ['ben', 'dee', 'eve', 'fay']) presence.arrive(person);
    expect(broadcasts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(options.coalesceMs);
    expect(broadcasts).toHaveLength(2);
    expect(names()).toEqual(['ann', 'ben', 'dee', 'eve', 'fay']);
  });

  it('a person who closes and reopens their replica within the grace period is never shown leaving', async () => {
    const { presence, broadcasts } = setUp();
    presence.arrive('mallory');
    for (let i = 0; i < 1000; i += 1) {
      presence.depart('mallory');
      presence.arrive('mallory');
    }
    await vi.advanceTimersByTimeAsync(options.graceMs * 2);
    expect(broadcasts).toHaveLength(1);
  });

  it('a person whose last replica closed leaves once the grace period is over', async () => {
    const { presence, names } = setUp();
    presence.arrive('ann');
    presence.arrive('ann');
    presence.arrive('ben');
    await vi.advanceTimersByTimeAsync(options.coalesceMs);
    presence.depart('ann');
    presence.depart('ann');
    await vi.advanceTimersByTimeAsync(options.graceMs - 1);
    expect(names()).toEqual(['ann', 'ben']);
    await vi.advanceTimersByTimeAsync(options.coalesceMs + 1);
    expect(names()).toEqual(['ben']);
  });

  it('a person removed from the session is gone at once, without a grace period', async () => {
    const { presence, names } = setUp();
    presence.arrive('ann');
    presence.arrive('ben');
    await vi.advanceTimersByTimeAsync(options.coalesceMs);
    presence.forget('ben');
    await vi.advanceTimersByTimeAsync(options.coalesceMs);
    expect(names()).toEqual(['ann']);
  });

  it('a new replica is greeted with everyone present, those within their grace period included', async () => {
    const { presence } = setUp();
    presence.arrive('ann');
    presence.arrive('ben');
    presence.depart('ben');
    const fresh = setUp();
    fresh.read(presence.message());
    expect(fresh.names()).toEqual(['ann', 'ben']);
  });

  it('renewing re-announces everyone with a newer clock', async () => {
    const { presence, broadcasts } = setUp();
    presence.arrive('ann');
    await vi.advanceTimersByTimeAsync(options.coalesceMs);
    presence.renew();
    expect(broadcasts).toHaveLength(2);
    expect(broadcasts[1]).not.toEqual(broadcasts[0]);
  });
});
