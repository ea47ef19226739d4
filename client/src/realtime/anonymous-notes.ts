import { ExternalStore } from './external-store.ts';

/** The part of the Web Storage API this module needs, so tests can pass a plain fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An anonymous note of yours that the server holds back for now (a batch release or a reveal). */
export interface AwaitingNote {
  noteId: string;
  stepId: string;
  text: string;
}

export interface AnonymousNotesSnapshot {
  /** note id → the secret that proves you wrote it. */
  secrets: Readonly<Record<string, string>>;
  awaiting: readonly AwaitingNote[];
  /**
   * Notes of yours the server gave back unshown: too few people wrote anonymously in their batch
   * for them to stay anonymous (rules AR3–AR5). Their text is yours to post again or discard.
   */
  returned: readonly AwaitingNote[];
}

const secretPattern = /^[A-Za-z0-9_-]{43}$/;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A new secret for one anonymous note: 32 random bytes in base64url (43 characters). The server
 * keeps only its hash, so whoever holds it, and nobody else, can edit or delete the note.
 */
export function newNoteSecret(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  return toBase64Url(random(new Uint8Array(32)));
}

function read<T>(storage: KeyValueStorage | undefined, key: string): T | undefined {
  try {
    const saved = storage?.getItem(key);
    return saved ? (JSON.parse(saved) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: KeyValueStorage | undefined, key: string, value: unknown, empty: boolean) {
  try {
    if (empty) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage may be full or turned off; this tab still knows its notes while it lives.
  }
}

/**
 * Your anonymous notes in one session, known only to this browser: the server cannot say which
 * notes are yours, and must not be asked.
 *
 * - Secrets live in `lasting` storage (localStorage), keyed by session and note id, because you
 *   may reload or come back tomorrow and still want to edit or delete your note. They say nothing
 *   about the note's content.
 * - The text of notes not released yet lives in `tab` storage (sessionStorage) only, to show you
 *   "posting anonymously…" in place of the note until the board shows it.
 */
export class AnonymousNotes {
  private readonly store: ExternalStore<AnonymousNotesSnapshot>;
  private readonly secretsKey: string;
  private readonly awaitingKey: string;
  private readonly returnedKey: string;

  constructor(
    sessionId: string,
    private readonly lasting: KeyValueStorage | undefined,
    private readonly tab: KeyValueStorage | undefined,
  ) {
    this.secretsKey = `reflectory:note-secrets:${sessionId}`;
    this.awaitingKey = `reflectory:awaiting-notes:${sessionId}`;
    this.returnedKey = `reflectory:returned-notes:${sessionId}`;
    this.store = new ExternalStore<AnonymousNotesSnapshot>({
      secrets: parseSecrets(read(lasting, this.secretsKey)),
      awaiting: parseAwaiting(read(tab, this.awaitingKey)),
      returned: parseAwaiting(read(tab, this.returnedKey)),
    });
  }

  readonly subscribe = (listener: () => void) => this.store.subscribe(listener);
  readonly getSnapshot = (): AnonymousNotesSnapshot => this.store.get();

  secretOf(noteId: string): string | undefined {
    return this.getSnapshot().secrets[noteId];
  }

  isMine(noteId: string): boolean {
    return this.secretOf(noteId) !== undefined;
  }

  isAwaiting(noteId: string): boolean {
    return this.getSnapshot().awaiting.some((note) => note.noteId === noteId);
  }

  /** Keeps the secret of a note the server accepted; with `awaiting`, until the board shows it. */
  remember(noteId: string, secret: string, awaiting?: Omit<AwaitingNote, 'noteId'>): void {
    const { secrets, awaiting: waiting } = this.getSnapshot();
    if (secrets[noteId] === secret && (!awaiting || this.isAwaiting(noteId))) return;
    this.set({
      ...this.getSnapshot(),
      secrets: { ...secrets, [noteId]: secret },
      awaiting:
        awaiting && !this.isAwaiting(noteId) ? [...waiting, { noteId, ...awaiting }] : waiting,
    });
  }

  /** Forgets a note that is gone. */
  forget(noteId: string): void {
    const { secrets, awaiting } = this.getSnapshot();
    if (!(noteId in secrets) && !this.isAwaiting(noteId)) return;
    const { [noteId]: _gone, ...kept } = secrets;
    this.set({
      ...this.getSnapshot(),
      secrets: kept,
      awaiting: awaiting.filter((note) => note.noteId !== noteId),
    });
  }

  /**
   * Stops showing placeholders for notes the board now shows, and moves those the server gave
   * back (listed on the board by id only) to `returned`, with the text this browser kept.
   */
  settle(isShown: (noteId: string) => boolean, isReturned: (noteId: string) => boolean): void {
    const { secrets, awaiting, returned } = this.getSnapshot();
    const back = awaiting.filter((note) => isReturned(note.noteId));
    const still = awaiting.filter((note) => !isShown(note.noteId) && !isReturned(note.noteId));
    if (still.length === awaiting.length) return;
    const kept = { ...secrets };
    for (const note of back) delete kept[note.noteId];
    this.set({ secrets: kept, awaiting: still, returned: [...returned, ...back] });
  }

  /** You posted a returned note again, or let it go. */
  dismissReturned(noteId: string): void {
    const snapshot = this.getSnapshot();
    const returned = snapshot.returned.filter((note) => note.noteId !== noteId);
    if (returned.length !== snapshot.returned.length) this.set({ ...snapshot, returned });
  }

  private set(next: AnonymousNotesSnapshot): void {
    this.store.set(next);
    write(this.lasting, this.secretsKey, next.secrets, Object.keys(next.secrets).length === 0);
    write(this.tab, this.awaitingKey, next.awaiting, next.awaiting.length === 0);
    write(this.tab, this.returnedKey, next.returned, next.returned.length === 0);
  }
}

function parseSecrets(saved: unknown): Record<string, string> {
  const secrets: Record<string, string> = {};
  if (typeof saved !== 'object' || saved === null) return secrets;
  for (const [noteId, secret] of Object.entries(saved)) {
    if (typeof secret === 'string' && secretPattern.test(secret)) secrets[noteId] = secret;
  }
  return secrets;
}

function parseAwaiting(saved: unknown): AwaitingNote[] {
  if (!Array.isArray(saved)) return [];
  return (saved as unknown[]).filter(
    (item): item is AwaitingNote =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as AwaitingNote).noteId === 'string' &&
      typeof (item as AwaitingNote).stepId === 'string' &&
      typeof (item as AwaitingNote).text === 'string',
  );
}
