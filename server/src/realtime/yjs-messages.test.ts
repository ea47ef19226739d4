import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import {
  classifyClientMessage,
  encodeAwarenessMessage,
  encodeSyncStep2,
  encodeUpdateMessage,
} from './yjs-messages.ts';

function step1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

describe('y-websocket messages', () => {
  it('a standard client reads our sync step 2 and update messages into its replica', () => {
    const server = new Y.Doc();
    server.getMap('m').set('a', 1);
    const client = new Y.Doc();
    const reply = encodeSyncStep2(server, Y.encodeStateVector(client));
    const decoder = decoding.createDecoder(reply);
    expect(decoding.readVarUint(decoder)).toBe(0);
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), client, 'server');
    expect(client.getMap('m').get('a')).toBe(1);

    let update: Uint8Array | undefined;
    server.on('update', (u: Uint8Array) => (update = u));
    server.getMap('m').set('b', 2);
    const message = decoding.createDecoder(encodeUpdateMessage(update!));
    decoding.readVarUint(message);
    syncProtocol.readSyncMessage(message, encoding.createEncoder(), client, 'server');
    expect(client.getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('our awareness message is read by y-protocols, and a null state removes the entry', () => {
    const peer = new Awareness(new Y.Doc());
    const readAwareness = (message: Uint8Array) => {
      const decoder = decoding.createDecoder(message);
      expect(decoding.readVarUint(decoder)).toBe(1);
      applyAwarenessUpdate(peer, decoding.readVarUint8Array(decoder), 'server');
    };
    readAwareness(encodeAwarenessMessage([{ clientId: 42, clock: 1, state: { name: 'Ada' } }]));
    expect(peer.getStates().get(42)).toEqual({ name: 'Ada' });
    readAwareness(encodeAwarenessMessage([{ clientId: 42, clock: 2, state: null }]));
    expect(peer.getStates().has(42)).toBe(false);
    peer.destroy();
  });

  it('classifies a client sync step 1 with its state vector', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('x', 1);
    const message = classifyClientMessage(step1(doc));
    expect(message.kind).toBe('syncStep1');
  });

  it('classifies sync step 2 and updates as writes, without decoding them', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, new Uint8Array([255, 255, 255, 255, 1, 2, 3]));
    expect(classifyClientMessage(encoding.toUint8Array(encoder)).kind).toBe('write');
  });

  it.each([
    ['empty', new Uint8Array([])],
    ['unknown type', new Uint8Array([9])],
    ['unknown sync step', new Uint8Array([0, 7])],
    ['truncated state vector', new Uint8Array([0, 0, 10, 1])],
    ['garbage state vector', new Uint8Array([0, 0, 3, 200, 200, 200])],
    ['unterminated varuint', new Uint8Array([0x80, 0x80, 0x80])],
  ])('marks %s as invalid instead of throwing', (_label, bytes) => {
    expect(classifyClientMessage(bytes).kind).toBe('invalid');
  });
});
