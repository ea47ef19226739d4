import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Message types of the y-websocket protocol (y-protocols' sync and awareness). */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.step2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null removes the entry at every peer. */
  state: Record<string, unknown> | null;
}

/** Encodes awareness entries the way y-protocols' `encodeAwarenessUpdate` does. */
export function encodeAwarenessMessage(entries: readonly AwarenessEntry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId);
    encoding.writeVarUint(update, entry.clock);
    encoding.writeVarString(update, JSON.stringify(entry.state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MessageType.awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'write' }
  | { kind: 'awareness' }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' }
  | { kind: 'invalid'; reason: string };

/**
 * Classifies a client's message without applying any of it. The only client bytes the server ever
 * decodes are a state vector (a list of numbers); updates are never parsed, let alone applied.
 */
export function classifyClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder);
        if (step === SyncStep.step1) {
          const stateVector = decoding.readVarUint8Array(decoder);
          // Decoding validates it: a list of (client, clock) varuint pairs.
          Y.decodeStateVector(stateVector);
          return { kind: 'syncStep1', stateVector };
        }
        if (step === SyncStep.step2 || step === SyncStep.update) return { kind: 'write' };
        return { kind: 'invalid', reason: `unknown sync step ${step}` };
      }
      case MessageType.awareness:
        return { kind: 'awareness' };
      case MessageType.queryAwareness:
        return { kind: 'queryAwareness' };
      case MessageType.auth:
        return { kind: 'auth' };
      default:
        return { kind: 'invalid', reason: `unknown message type ${type}` };
    }
  } catch {
    return { kind: 'invalid', reason: 'unreadable message' };
  }
}
