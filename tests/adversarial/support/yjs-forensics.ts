import { boardDocKeys } from '@reflectory/shared';
import * as Y from 'yjs';

/**
 * A board replica's whole content as JSON. Root types must be asked for by their kind before
 * `toJSON` shows them, which a replica that never rendered has not done.
 */
export function boardJson(doc: Y.Doc): string {
  const content: Record<string, unknown> = {};
  for (const key of Object.values(boardDocKeys)) {
    content[key] =
      key === boardDocKeys.steps ? doc.getArray(key).toJSON() : doc.getMap(key).toJSON();
  }
  return JSON.stringify(content);
}

/** One struct of a Yjs update, as anyone holding the bytes can read it. */
export interface StructFact {
  kind: 'item' | 'gc' | 'skip';
  client: number;
  clock: number;
  length: number;
  /** A root type's name, "client:clock" of a nested type's item, or null (taken from a neighbour). */
  parent: string | null;
  /** The map key the item was set under. */
  parentSub: string | null;
  content: unknown[];
}

function describeParent(parent: unknown): string | null {
  if (parent === null || parent === undefined) return null;
  if (typeof parent === 'string') return parent;
  if (parent instanceof Y.ID) return `${parent.client}:${parent.clock}`;
  return '?';
}

/** Decodes every struct of a (version 1) update without a document, the way a forensic reader would. */
export function structFacts(update: Uint8Array): StructFact[] {
  const { structs } = Y.decodeUpdate(update);
  return structs.map((struct) => {
    const base = { client: struct.id.client, clock: struct.id.clock, length: struct.length };
    if (struct instanceof Y.Item) {
      return {
        kind: 'item' as const,
        ...base,
        parent: describeParent(struct.parent),
        parentSub: struct.parentSub,
        content:
          struct.content instanceof Y.ContentType ? ['<nested type>'] : struct.content.getContent(),
      };
    }
    return {
      kind: struct instanceof Y.GC ? ('gc' as const) : ('skip' as const),
      ...base,
      parent: null,
      parentSub: null,
      content: [],
    };
  });
}

/** Clients named in an update's delete set. */
export function deleteSetClients(update: Uint8Array): number[] {
  return [...Y.decodeUpdate(update).ds.clients.keys()];
}

/** Every client id an update names, in its structs or its delete set. */
export function clientsOf(update: Uint8Array): Set<number> {
  return new Set([...structFacts(update).map((fact) => fact.client), ...deleteSetClients(update)]);
}

/** All of an update's content, keys and ids as one searchable string. */
export function updateText(update: Uint8Array): string {
  return JSON.stringify(structFacts(update));
}

/**
 * The Yjs position of each note in a batch: the clock of the item that put the note's map under
 * its id in the `notes` root map. Items are numbered in the order the writer created them.
 */
export function noteItemClocks(update: Uint8Array): Map<string, number> {
  const clocks = new Map<string, number>();
  for (const fact of structFacts(update)) {
    if (fact.kind === 'item' && fact.parent === 'notes' && fact.parentSub !== null) {
      clocks.set(fact.parentSub, fact.clock);
    }
  }
  return clocks;
}

// ---- crafted updates an attacker might send ------------------------------------------------

/** A forged note, created by a document with the given client id. */
export function forgedNoteUpdate(clientId: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const note = new Y.Map<unknown>();
  doc.transact(() => {
    doc.getMap<Y.Map<unknown>>('notes').set('forged-note', note);
    note.set('id', 'forged-note');
    note.set('text', text);
    note.set('anonymous', false);
    note.set('authorName', 'Fay');
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** What a replica would send after changing its copy: the diff against the server's state. */
export function editOfReplica(replica: Y.Doc, change: (doc: Y.Doc) => void, asClient?: number) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica));
  const before = Y.encodeStateVector(doc);
  if (asClient !== undefined) doc.clientID = asClient;
  doc.transact(() => change(doc));
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}
