import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { hostileJson, writeJson } from './hostile-values.ts';
import { MessageType, SyncStep } from './raw-doc-socket.ts';

/**
 * y-websocket messages a hostile replica sends: well-formed ones with hostile contents (state
 * vectors with huge clocks, awareness claims, forged updates), malformed ones (truncated varints,
 * unknown types, lengths that lie), and random bytes.
 */

const varUint = fc.oneof(
  fc.nat({ max: 300 }),
  fc.constantFrom(0, 127, 128, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1),
);

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const stateVector = fc.array(fc.tuple(varUint, varUint), { maxLength: 20 }).map((entries) =>
  message((encoder) => {
    encoding.writeVarUint(encoder, entries.length);
    for (const [client, clock] of entries) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
    }
  }),
);

/** A real Yjs update from a client of the attacker's choosing: a write to the read-only board. */
const forgedUpdate = fc
  .tuple(
    fc.nat({ max: 2 ** 31 }),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('notes', 'session', 'x'),
  )
  .map(([client, text, root]) => {
    const doc = new Y.Doc();
    doc.clientID = client;
    doc.getMap(root).set('forged', text);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return update;
  });

const sync = (step: number, payload: Uint8Array) =>
  message((encoder) => {
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, payload);
  });

const awarenessClaim = fc
  .array(fc.tuple(varUint, varUint, hostileJson), { maxLength: 4 })
  .map((entries) =>
    message((encoder) => {
      encoding.writeVarUint(encoder, MessageType.awareness);
      encoding.writeVarUint8Array(
        encoder,
        message((inner) => {
          encoding.writeVarUint(inner, entries.length);
          for (const [client, clock, state] of entries) {
            encoding.writeVarUint(inner, client);
            encoding.writeVarUint(inner, clock);
            encoding.writeVarString(
              inner,
              writeJson(state, () => null),
            );
          }
        }),
      );
    }),
  );

export const yjsMessage: fc.Arbitrary<{ what: string; bytes: Uint8Array }> = fc.oneof(
  stateVector.map((vector) => ({
    what: 'sync step 1, a made-up state vector',
    bytes: sync(SyncStep.step1, vector),
  })),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => ({
    what: 'sync step 1, random bytes for a state vector',
    bytes: sync(SyncStep.step1, bytes),
  })),
  fc
    .tuple(fc.constantFrom(SyncStep.step2, SyncStep.update), forgedUpdate)
    .map(([step, update]) => ({
      what: `sync step ${step}: a forged update`,
      bytes: sync(step, update),
    })),
  fc
    .tuple(fc.constantFrom(SyncStep.step2, SyncStep.update), fc.uint8Array({ maxLength: 64 }))
    .map(([step, bytes]) => ({
      what: `sync step ${step}: random bytes`,
      bytes: sync(step, bytes),
    })),
  fc.tuple(varUint, fc.uint8Array({ maxLength: 16 })).map(([step, bytes]) => ({
    what: `sync with step ${step}`,
    bytes: sync(step, bytes),
  })),
  awarenessClaim.map((bytes) => ({ what: 'awareness claims', bytes })),
  fc.constantFrom(
    { what: 'query awareness', bytes: Uint8Array.of(MessageType.queryAwareness) },
    { what: 'auth', bytes: Uint8Array.of(MessageType.auth, 0, 1) },
    { what: 'an empty message', bytes: new Uint8Array(0) },
    { what: 'a truncated varint', bytes: Uint8Array.of(0x80, 0x80, 0x80) },
    {
      what: 'a varint past 2^53',
      bytes: Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f),
    },
    {
      what: 'sync step 1 whose length claims 2^31 bytes',
      bytes: Uint8Array.of(MessageType.sync, SyncStep.step1, 0x80, 0x80, 0x80, 0x80, 0x08),
    },
    {
      what: 'a state vector claiming 2^31 entries',
      bytes: Uint8Array.of(MessageType.sync, SyncStep.step1, 5, 0x80, 0x80, 0x80, 0x80, 0x08),
    },
  ),
  fc.tuple(varUint, fc.uint8Array({ maxLength: 32 })).map(([type, bytes]) => ({
    what: `message type ${type}`,
    bytes: message((encoder) => {
      encoding.writeVarUint(encoder, type);
      encoding.writeUint8Array(encoder, bytes);
    }),
  })),
  fc.uint8Array({ maxLength: 256 }).map((bytes) => ({ what: 'random bytes', bytes })),
);

/** Several messages in one frame: the server reads one message per frame. */
export const yjsFrame: fc.Arbitrary<{ what: string; bytes: Uint8Array }> = fc.oneof(
  { weight: 5, arbitrary: yjsMessage },
  {
    weight: 1,
    arbitrary: fc.array(yjsMessage, { minLength: 2, maxLength: 3 }).map((messages) => ({
      what: messages.map((one) => one.what).join(' + '),
      bytes: Uint8Array.from(messages.flatMap((one) => [...one.bytes])),
    })),
  },
);
