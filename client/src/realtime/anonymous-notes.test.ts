import { describe, expect, it } from 'vitest';
import { AnonymousNotes, newNoteSecret, type KeyValueStorage } from './anonymous-notes.ts';

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const secret = 'a'.repeat(43);

describe('anonymous notes kept by this browser', () => {
  it('a note secret is 32 random bytes in base64url: 43 characters, no padding', () => {
    const made = newNoteSecret();
    expect(made).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newNoteSecret()).not.toBe(made);
    expect(newNoteSecret((bytes) => bytes.fill(255))).toBe(`${'_'.repeat(42)}8`);
    expect(newNoteSecret((bytes) => bytes.fill(0))).toBe('A'.repeat(43));
  });

  it('secrets outlive a reload in lasting storage; texts only in the tab, keyed by session', () => {
    const lasting = new MemoryStorage();
    const tab = new MemoryStorage();
    const notes = new AnonymousNotes('s1', lasting, tab);
    notes.remember('n1', secret, { stepId: 'what', text: 'held back' });
    expect(notes.isMine('n1')).toBe(true);
    expect(JSON.parse(lasting.getItem('reflectory:note-secrets:s1') ?? '')).toEqual({ n1: secret });
    expect(lasting.getItem('reflectory:note-secrets:s1')).not.toContain('held back');
    expect(tab.getItem('reflectory:awaiting-notes:s1')).toContain('held back');

    const reloaded = new AnonymousNotes('s1', lasting, tab);
    expect(reloaded.secretOf('n1')).toBe(secret);
    expect(reloaded.getSnapshot().awaiting).toEqual([
      { noteId: 'n1', stepId: 'what', text: 'held back' },
    ]);
    expect(new AnonymousNotes('s2', lasting, tab).isMine('n1')).toBe(false);
    expect(new AnonymousNotes('s1', lasting, new MemoryStorage()).getSnapshot().awaiting).toEqual(
      [],
    );
  });

  it('a placeholder goes once the board shows the note; the secret stays until the note is gone', () => {
    const lasting = new MemoryStorage();
    const notes = new AnonymousNotes('s1', lasting, new MemoryStorage());
    notes.remember('n1', secret, { stepId: 'what', text: 'one' });
    notes.remember('n2', secret, { stepId: 'what', text: 'two' });
    notes.settle(
      (noteId) => noteId === 'n1',
      () => false,
    );
    expect(notes.getSnapshot().awaiting.map((note) => note.noteId)).toEqual(['n2']);
    expect(notes.isMine('n1')).toBe(true);
    notes.forget('n1');
    notes.forget('n2');
    expect(notes.getSnapshot()).toEqual({ secrets: {}, awaiting: [], returned: [] });
    expect(lasting.items.size).toBe(0);
  });

  it('[AR3] a note the server gave back keeps its text here, and its secret is dropped', () => {
    const tab = new MemoryStorage();
    const notes = new AnonymousNotes('s1', new MemoryStorage(), tab);
    notes.remember('n1', secret, { stepId: 'what', text: 'too few of us' });
    notes.remember('n2', secret, { stepId: 'what', text: 'still waiting' });
    notes.settle(
      () => false,
      (noteId) => noteId === 'n1',
    );
    const snapshot = notes.getSnapshot();
    expect(snapshot.awaiting.map((note) => note.noteId)).toEqual(['n2']);
    expect(snapshot.returned).toEqual([{ noteId: 'n1', stepId: 'what', text: 'too few of us' }]);
    expect(notes.isMine('n1')).toBe(false);
    // A reload of the tab still offers the text back.
    expect(new AnonymousNotes('s1', new MemoryStorage(), tab).getSnapshot().returned).toHaveLength(
      1,
    );
    notes.dismissReturned('n1');
    expect(notes.getSnapshot().returned).toEqual([]);
  });

  it('stored values that do not parse are ignored', () => {
    const lasting = new MemoryStorage();
    lasting.setItem('reflectory:note-secrets:s1', JSON.stringify({ n1: 'short', n2: secret }));
    const tab = new MemoryStorage();
    tab.setItem('reflectory:awaiting-notes:s1', '{not json');
    const notes = new AnonymousNotes('s1', lasting, tab);
    expect(notes.getSnapshot()).toEqual({ secrets: { n2: secret }, awaiting: [], returned: [] });
  });

  it('without storage (turned off) it still works for the life of the page', () => {
    const notes = new AnonymousNotes('s1', undefined, undefined);
    notes.remember('n1', secret);
    expect(notes.isMine('n1')).toBe(true);
  });
});
