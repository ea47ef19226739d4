import { randomBytes } from 'node:crypto';
import { DocCloseCode } from '@reflectory/shared';
import * as Y from 'yjs';
import { MessageType, SyncStep, encodeSync } from './raw-doc-socket.ts';
import { editOfReplica, forgedNoteUpdate } from './yjs-forensics.ts';

export interface HostileFrame {
  attempt: string;
  /** A string is sent as a text frame. */
  bytes: Uint8Array | string;
  /** The close code the server must answer with, or 'open' if it must ignore the frame. */
  expect: number | 'open';
}

/**
 * What a participant might send to the read-only board: crafted Yjs updates (a forged note, an
 * edit under the server's own client id, a delete set, an empty update), malformed bytes, a text
 * frame, a write smuggled behind a sync step 1, and an oversized message. `replica` is a copy of
 * the board the attacker holds.
 */
export function hostileBoardFrames(
  replica: Y.Doc,
  serverClient: number,
  forgedText: string,
): HostileFrame[] {
  return [
    {
      attempt: 'sync step 2: a forged note from a new client id',
      bytes: encodeSync(SyncStep.step2, forgedNoteUpdate(424242, forgedText)),
      expect: DocCloseCode.readOnly,
    },
    {
      attempt: 'update: a forged note from a new client id',
      bytes: encodeSync(SyncStep.update, forgedNoteUpdate(434343, forgedText)),
      expect: DocCloseCode.readOnly,
    },
    {
      attempt: "update: retitle the session as the server's client id",
      bytes: encodeSync(
        SyncStep.update,
        editOfReplica(
          replica,
          (doc) => doc.getMap('session').set('title', forgedText),
          serverClient,
        ),
      ),
      expect: DocCloseCode.readOnly,
    },
    {
      attempt: 'update: delete every note and action (delete set)',
      bytes: encodeSync(
        SyncStep.update,
        editOfReplica(replica, (doc) => {
          for (const key of ['notes', 'actions', 'groups']) {
            const map = doc.getMap(key);
            for (const id of [...map.keys()]) map.delete(id);
          }
        }),
      ),
      expect: DocCloseCode.readOnly,
    },
    {
      attempt: 'sync step 2: an empty update',
      bytes: encodeSync(SyncStep.step2, Y.encodeStateAsUpdate(new Y.Doc())),
      expect: DocCloseCode.readOnly,
    },
    {
      attempt: 'sync step 2: garbage in place of an update',
      bytes: encodeSync(SyncStep.step2, randomBytes(48)),
      expect: DocCloseCode.readOnly,
    },
    {
      attempt: 'raw bytes: 64 random bytes',
      bytes: Uint8Array.of(MessageType.sync, 9, ...randomBytes(62)),
      expect: DocCloseCode.badMessage,
    },
    {
      attempt: 'raw bytes: a lone sync type byte',
      bytes: Uint8Array.of(MessageType.sync),
      expect: DocCloseCode.badMessage,
    },
    {
      attempt: 'raw bytes: unknown message type 9',
      bytes: Uint8Array.of(9, 0, 0),
      expect: DocCloseCode.badMessage,
    },
    {
      attempt: 'raw bytes: sync step 1 with a state vector claiming 2^31 entries',
      bytes: Uint8Array.of(MessageType.sync, SyncStep.step1, 5, 0x80, 0x80, 0x80, 0x80, 0x08),
      expect: DocCloseCode.badMessage,
    },
    { attempt: 'a text frame', bytes: 'please apply this', expect: DocCloseCode.badMessage },
    {
      attempt: 'sync step 1 with a forged update smuggled after it in the same frame',
      bytes: Uint8Array.from([
        ...encodeSync(SyncStep.step1, Y.encodeStateVector(replica)),
        ...encodeSync(SyncStep.update, forgedNoteUpdate(454545, forgedText)),
      ]),
      expect: 'open',
    },
    {
      attempt: 'a 70 KB update (over the 64 KB cap)',
      bytes: encodeSync(SyncStep.update, randomBytes(70 * 1024)),
      expect: 1009,
    },
  ];
}
