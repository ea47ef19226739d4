import { randomInt, randomUUID } from 'node:crypto';
import {
  DocCloseCode,
  ErrorCode,
  boardDocName,
  decide,
  evolve,
  facilitatorView,
  fail,
  isFacilitating,
  hasScheduledWork,
  heldItems,
  privateView,
  withParticipant,
  type Ack,
  type AnonymousPool,
  type Actor,
  type FacilitatorView,
  type Presence,
  type PrivateView,
  type SessionCommand,
  type SessionEvent,
  type SessionState,
} from '@reflectory/shared';
import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import type { ParticipantRecord } from '../db/participants-repository.ts';
import { isRefusedData, withTimeout } from '../db/database.ts';
import type { Store } from '../db/store.ts';
import { encodeSyncStep2, encodeUpdateMessage } from '../realtime/yjs-messages.ts';
import { AnonymousUsage } from './anonymous-usage.ts';
import { captureUpdate, projectBoard } from './board-projection.ts';
import { CommandQueue, unavailableMessage } from './command-queue.ts';
import { RoomPresence } from './room-presence.ts';
import { persistEvents } from './persist-events.ts';
import { recordTeamEffects } from './team-effects.ts';
import { loadRoom } from './room-loader.ts';
import { shuffled } from './command-mapping.ts';

/**
 * A command by an anonymous author about their own note (posting it, or changing it while held or
 * shown) stores no receipt: the receipts' order in the database would show when it happened and
 * who acted just before. Retrying such a command is harmless without one.
 */
function concernsAnonymousAuthorOnly(
  before: SessionState,
  events: readonly SessionEvent[],
): boolean {
  return events.every(
    (event) =>
      (event.type === 'NoteAdded' && event.held) ||
      event.type === 'AnonymousChangeHeld' ||
      ((event.type === 'NoteEdited' || event.type === 'NoteDeleted') &&
        before.notes[event.noteId]?.held === true),
  );
}

/** A read-only replica's connection to one document, whatever carries it. */
export interface DocConnection {
  readonly participantId: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Where a connected person's own views go (their Socket.IO connection). */
export interface ViewSink {
  readonly participantId: string;
  sendPrivate(view: PrivateView): void;
  sendFacilitation(view: FacilitatorView): void;
  /** The person was removed: tell them, and end the connection. */
  revoke(message: string): void;
}

/** Events after which everyone's private view may have changed, not only the actor's. */
const sharedViewEvents = new Set<SessionEvent['type']>([
  'StepEntered',
  'StepRerun',
  'VotingOpened',
  'VotingClosed',
  'NotesRevealed',
  'LockSet',
  'RoleSet',
  'ParticipantRemoved',
  'SessionClosed',
]);

export interface RoomOptions {
  /** Compact the update log once its tail holds this many updates. */
  compactAfter: number;
  /** A command whose store work has not finished by then is answered `unavailable`. */
  storeTimeoutMs: number;
  /** Commands waiting in a session's queue at most; more are refused at once as a busy board. */
  maxQueueLength: number;
  /** At most one presence broadcast per this many ms. */
  presenceCoalesceMs: number;
  /** How long a person stays present after their last replica closed. */
  presenceGraceMs: number;
  /**
   * Held anonymous notes are settled this long after a batch becomes due (enough authors, or its
   * step ended), plus a random part up to the jitter.
   */
  releaseMinMs: number;
  releaseJitterMs: number;
  /** The fewest different authors an anonymous batch leaves with (rule AR1). */
  minBatch: number;
  /** Called after a command that closed the session has committed (retention may purge it). */
  onSessionClosed?: (sessionId: string) => void;
}

const refusedDataMessage =
  'This change could not be saved as it was written, so it was not applied. Please change it and try again.';

/**
 * One live session in this process: its board document, its decision state and its connections.
 * Commands run one at a time through `enqueue`, so no two commands race on one board.
 */
export class SessionRoom {
  readonly docName: string;
  doc: Y.Doc;
  state: SessionState;
  participants: Map<string, ParticipantRecord>;
  /** The team the session belongs to; its actions and audit log change with the session. */
  teamId: string | null;
  private lastId: number;
  private tailLength: number;
  /** Set when a write failed: the in-memory document may be ahead of the store until reloaded. */
  private stale = false;
  /** Bumped by every commit and every reload; a reload applies only if nothing moved meanwhile. */
  private generation = 0;
  /** A transaction that timed out but may still commit; a reload waits for it to settle. */
  private inFlight: Promise<unknown> | undefined;
  private readonly connections = new Set<DocConnection>();
  private readonly presence: RoomPresence;
  private readonly sinks = new Set<ViewSink>();
  private timerHandle: NodeJS.Timeout | undefined;
  private lastFacilitationJson = '';
  private releaseHandle: NodeJS.Timeout | undefined;
  /**
   * Who wrote each held anonymous item, known to this process's memory only: never stored,
   * logged or sent. It counts the different participants who wrote a batch (rule AR1); items
   * whose author it does not know (held before a restart) count for no one, which only delays.
   */
  private readonly anonymousAuthors = new Map<string, string>();
  private readonly commands: CommandQueue;
  /** What each person wrote anonymously, for the caps on what one person may add (never stored). */
  readonly anonymousUsage = new AnonymousUsage();
  lastActivity = Date.now();
  /** Set once the registry dropped this room; a command that finds it set must fetch the room again. */
  evicted = false;

  constructor(
    readonly sessionId: string,
    private readonly store: Store,
    loaded: NonNullable<Awaited<ReturnType<typeof loadRoom>>>,
    private readonly log: FastifyBaseLogger,
    private readonly options: RoomOptions,
  ) {
    this.docName = boardDocName(sessionId);
    this.doc = loaded.doc;
    this.state = loaded.state;
    this.participants = loaded.participants;
    this.teamId = loaded.session.teamId;
    this.lastId = loaded.lastId;
    this.tailLength = loaded.tailLength;
    this.commands = new CommandQueue(
      { budgetMs: options.storeTimeoutMs, maxLength: options.maxQueueLength },
      () => this.stale,
    );
    this.presence = new RoomPresence(
      (participantId) => this.presenceOf(participantId),
      (message) => this.broadcast(message),
      { coalesceMs: options.presenceCoalesceMs, graceMs: options.presenceGraceMs },
    );
    this.armTimer();
    this.armRelease();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Held anonymous items are due to be settled shortly (the release timer is armed). */
  get releasePending(): boolean {
    return this.releaseHandle !== undefined;
  }

  /**
   * Queues a person's command so that it is answered within the store timeout of its arrival,
   * however long the queue, and refuses it at once when the queue is full: a busy board is
   * answered `rate_limited`, a store that does not answer `unavailable` (see CommandQueue), so
   * waiting people never pile up. Resolves undefined if the room was dropped meanwhile: fetch the
   * room again and resubmit.
   */
  submit<T>(work: () => Promise<Ack<T>>): Promise<Ack<T> | undefined> {
    return this.commands.submit(() => (this.evicted ? Promise.resolve(undefined) : work()));
  }

  /** Runs `work` after every command queued before it has finished. */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    return this.commands.enqueue(work);
  }

  // ---- document connections --------------------------------------------------------------

  /** Adds a replica. False while the room is stale: the caller should ask it to come back later. */
  attach(connection: DocConnection): boolean {
    if (this.stale) return false;
    // Others hear of a newcomer (coalesced); the new replica is greeted with everyone present.
    this.presence.arrive(connection.participantId);
    this.connections.add(connection);
    this.lastActivity = Date.now();
    connection.send(this.presence.message());
    return true;
  }

  detach(connection: DocConnection): void {
    if (!this.connections.delete(connection)) return;
    this.lastActivity = Date.now();
    this.presence.depart(connection.participantId);
    if (this.connections.size === 0) {
      void this.enqueue(() => this.compact()).catch((error: unknown) =>
        this.log.warn({ err: error, sessionId: this.sessionId }, 'compaction on last leave failed'),
      );
    }
  }

  /** Answers a replica's state vector with everything it lacks. */
  syncStep1(connection: DocConnection, stateVector: Uint8Array): void {
    if (this.stale) {
      connection.close(4503, 'the board is reloading; reconnect shortly');
      return;
    }
    connection.send(encodeSyncStep2(this.doc, stateVector));
  }

  sendAwareness(connection: DocConnection): void {
    connection.send(this.presence.message());
  }

  /** Re-announces everyone present with a newer clock (see RoomPresence.renew). */
  renewPresence(): void {
    this.presence.renew();
  }

  /** A removed person's connections end at once: replicas with 4401, command sockets with a notice. */
  private revoke(participantId: string): void {
    this.endConnectionsOf(participantId, 'The facilitator removed you from this session.');
  }

  /** Ends every connection of one person: replicas with 4401, command sockets with `message`. */
  endConnectionsOf(participantId: string, message: string): void {
    for (const connection of [...this.connections]) {
      if (connection.participantId === participantId) {
        connection.close(DocCloseCode.revoked, 'you were removed from this session');
      }
    }
    for (const sink of [...this.sinks]) {
      if (sink.participantId === participantId) {
        this.sinks.delete(sink);
        sink.revoke(message);
      }
    }
    // Gone for good: no grace period.
    this.presence.forget(participantId);
  }

  /** Closes every replica (shutdown, or the session is gone). */
  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason);
  }

  /** Ends every connection for good: replicas with `code`, command sockets with `message`. */
  endAll(code: number, reason: string, message: string): void {
    this.closeAll(code, reason);
    for (const sink of [...this.sinks]) {
      this.sinks.delete(sink);
      sink.revoke(message);
    }
  }

  private presenceOf(participantId: string): Presence | undefined {
    const participant = this.participants.get(participantId);
    if (!participant) return undefined;
    return {
      participantId,
      name: participant.displayName,
      colour: participant.colour,
      role: this.state.participants[participantId]?.role ?? participant.role,
    };
  }

  private broadcast(message: Uint8Array): void {
    for (const connection of this.connections) connection.send(message);
  }

  // ---- commands ---------------------------------------------------------------------------

  /**
   * Decides, persists and publishes one command; call through `enqueue`. The events, the rows
   * they change, the board document's update and the command's receipt commit in one transaction
   * before anyone sees the change or the ack. A command id seen before is answered from its
   * receipt, not applied again: the receipt is claimed first in the transaction (the primary key
   * decides), so a new command, the usual case, costs no lookup before it.
   */
  async execute<T>(
    actor: Actor,
    commandId: string | null,
    command: SessionCommand,
    resultOf: (events: SessionEvent[]) => T,
  ): Promise<Ack<T>> {
    this.lastActivity = Date.now();
    try {
      if (this.stale) await withTimeout(this.reload(), this.options.storeTimeoutMs);
    } catch (error) {
      return this.unavailableBefore(error);
    }
    // An anonymous post has no receipt; its retry finds the note it already made.
    if (
      command.type === 'addNote' &&
      command.ownerHash !== null &&
      this.state.notes[command.noteId]?.ownerHash === command.ownerHash
    ) {
      return { ok: true, data: resultOf([]) };
    }

    const decision = decide(this.state, actor, command, Date.now());
    if (!decision.ok || decision.data.length === 0) {
      // A retry of an applied command may now be refused (its note exists) or change nothing:
      // the answer it got is in its receipt.
      if (commandId !== null) {
        try {
          const receipt = await withTimeout(
            this.store.receipts.find(this.sessionId, actor, commandId),
            this.options.storeTimeoutMs,
          );
          if (receipt !== undefined) return receipt as Ack<T>;
        } catch (error) {
          return this.unavailableBefore(error);
        }
      }
      return decision.ok ? { ok: true, data: resultOf([]) } : decision;
    }
    const events = decision.data;
    const ack: Ack<T> = { ok: true, data: resultOf(events) };

    const prev = this.state;
    const next = events.reduce(evolve, prev);
    const revealOrder = events.flatMap((event) =>
      event.type === 'NotesRevealed' ? event.noteIds : [],
    );
    const receipted = commandId !== null && !concernsAnonymousAuthorOnly(prev, events);

    let update: Uint8Array | undefined;
    let appendedId: number | undefined;
    let applied: Ack<T> | undefined;
    // Whether the document was changed; once the command has failed it may no longer be.
    let captured = false;
    let abandoned = false;
    try {
      const committed = this.store.transaction(async (tx) => {
        if (receipted && !(await tx.receipts.claim(this.sessionId, actor, commandId, ack))) {
          const stored = await tx.receipts.find(this.sessionId, actor, commandId);
          if (stored === undefined) throw new Error('a refused receipt claim found no receipt');
          applied = stored as Ack<T>;
          return;
        }
        // The document changes only once the command is known to be new, and still wanted.
        if (abandoned) throw new Error('the command was answered before its receipt was stored');
        captured = true;
        update = captureUpdate(this.doc, () => projectBoard(this.doc, prev, next, revealOrder));
        // Issued together, so that the driver pipelines them on the transaction's connection.
        const [appended] = await Promise.all([
          update ? tx.docLog.append(this.docName, update) : undefined,
          persistEvents(tx, this.sessionId, prev, events),
        ]);
        if (this.teamId !== null) {
          await recordTeamEffects(tx, {
            teamId: this.teamId,
            sessionId: this.sessionId,
            actor,
            participants: this.participants,
            before: prev,
            after: next,
            events,
          });
        }
        appendedId = appended;
      });
      // A timed-out transaction may still commit later: its receipt then answers the retry, and
      // the reload that follows waits for it, so the room never loses a committed change.
      this.inFlight = committed.catch(() => undefined);
      await withTimeout(committed, this.options.storeTimeoutMs);
      this.inFlight = undefined;
    } catch (error) {
      abandoned = true;
      const refusedData = isRefusedData(error);
      // Data the store refuses is bad input, not a failure of ours: a warning, not an error.
      this.log[refusedData ? 'warn' : 'error'](
        { err: error, sessionId: this.sessionId },
        'command not persisted',
      );
      // Only a document that was changed can be ahead of the store.
      if (captured && update !== undefined) {
        // The document holds a change the store may not have: nobody may see it until the room
        // has reloaded from the store. Bounded, so that a store that never answers cannot hold
        // the queue.
        this.stale = true;
        void this.enqueue(() => withTimeout(this.reload(), this.options.storeTimeoutMs)).catch(
          () => undefined,
        );
      }
      // Data the store refuses would be refused again on every retry: say so once, rather than
      // ask the sender's outbox to resend it (and the session to reload each time).
      if (refusedData) return fail(ErrorCode.invalidRequest, refusedDataMessage);
      return fail(ErrorCode.unavailable, unavailableMessage);
    }
    if (applied !== undefined) return applied;

    this.generation += 1;
    this.state = next;
    if (update && appendedId !== undefined) {
      this.lastId = appendedId;
      this.tailLength += 1;
      this.broadcast(encodeUpdateMessage(update));
      if (this.tailLength >= this.options.compactAfter) {
        void this.enqueue(() => this.compact()).catch((error: unknown) =>
          this.log.warn({ err: error, sessionId: this.sessionId }, 'compaction failed'),
        );
      }
    }
    // Presence shows roles; a newer clock makes every peer take the change at once.
    if (events.some((event) => event.type === 'RoleSet')) this.renewPresence();
    for (const event of events) {
      if (event.type === 'ParticipantRemoved') this.revoke(event.participantId);
    }
    this.trackAnonymousAuthors(actor, prev, events);
    this.publishViews(actor, events);
    this.armTimer();
    this.armRelease();
    if (events.some((event) => event.type === 'SessionClosed')) {
      this.options.onSessionClosed?.(this.sessionId);
    }
    return ack;
  }

  private unavailableBefore(error: unknown): Ack<never> {
    this.log.error({ err: error, sessionId: this.sessionId }, 'store unavailable before a command');
    return fail(ErrorCode.unavailable, unavailableMessage);
  }

  // ---- views and the timer ----------------------------------------------------------------

  /** Registers a person's connection for their own views, and sends the current ones. */
  addSink(sink: ViewSink): void {
    this.sinks.add(sink);
    this.sendViews(sink);
  }

  removeSink(sink: ViewSink): void {
    this.sinks.delete(sink);
  }

  private sendViews(sink: ViewSink): void {
    sink.sendPrivate(privateView(this.state, sink.participantId));
    const role = this.state.participants[sink.participantId]?.role;
    if (role && isFacilitating(role)) sink.sendFacilitation(facilitatorView(this.state));
  }

  /**
   * Sends each person's view when it may have changed. The facilitation view goes out only when
   * it differs from the last one sent: a push on every command would tell facilitators the moment
   * anyone acted, anonymous posting included.
   */
  private publishViews(actor: Actor, events: readonly SessionEvent[]): void {
    const everyone = events.some((event) => sharedViewEvents.has(event.type));
    const facilitation = facilitatorView(this.state);
    const facilitationJson = JSON.stringify(facilitation);
    const facilitationChanged = facilitationJson !== this.lastFacilitationJson;
    this.lastFacilitationJson = facilitationJson;
    for (const sink of this.sinks) {
      if (everyone || (actor.kind === 'person' && actor.participantId === sink.participantId)) {
        sink.sendPrivate(privateView(this.state, sink.participantId));
      }
      const role = this.state.participants[sink.participantId]?.role;
      if (role && isFacilitating(role) && (facilitationChanged || everyone))
        sink.sendFacilitation(facilitation);
    }
  }

  /** The server fires a running timer's expiry at its deadline; the deadline lives in state. */
  private armTimer(): void {
    clearTimeout(this.timerHandle);
    this.timerHandle = undefined;
    const { status, deadline } = this.state.timer;
    if (status !== 'running' || deadline === null || this.evicted) return;
    this.timerHandle = setTimeout(
      () => {
        void this.enqueue(() =>
          this.evicted
            ? Promise.resolve(undefined)
            : this.execute({ kind: 'system' }, null, { type: 'expireTimer' }, () => ({})),
        )
          .catch((error: unknown) =>
            this.log.warn({ err: error, sessionId: this.sessionId }, 'timer expiry failed'),
          )
          // A timeout can fire a moment before the wall clock reaches the deadline (the expiry is
          // then refused as early), or the store can fail: either way, try again.
          .finally(() => this.armTimer());
      },
      Math.max(0, deadline - Date.now()) + 5,
    );
    this.timerHandle.unref();
  }

  /** Notes who wrote each held anonymous item a person's command created, and forgets settled ones. */
  private trackAnonymousAuthors(
    actor: Actor,
    before: SessionState,
    events: readonly SessionEvent[],
  ): void {
    for (const event of events) {
      if (event.type === 'NotesRevealed') {
        for (const noteId of event.noteIds) this.anonymousAuthors.delete(noteId);
        for (const change of event.changes) this.anonymousAuthors.delete(change.noteId);
      } else if (event.type === 'NotesReturned') {
        for (const noteId of event.noteIds) this.anonymousAuthors.delete(noteId);
      } else if (event.type === 'NoteDeleted') {
        this.anonymousAuthors.delete(event.noteId);
      } else if (actor.kind === 'person') {
        const held =
          (event.type === 'NoteAdded' && event.held) ||
          (event.type === 'AnonymousChangeHeld' && before.notes[event.noteId] !== undefined);
        // Only participants count: facilitators, who may also write anonymously, could
        // otherwise make up most of a batch and single out one participant's note.
        const role = before.participants[actor.participantId]?.role;
        if (held && role === 'participant')
          this.anonymousAuthors.set(event.noteId, actor.participantId);
      }
    }
  }

  /**
   * What only this room knows of the held anonymous items, for the core to settle them: every
   * hidden or held note in a uniformly random order, and how many different people wrote each
   * batch.
   */
  anonymousPool(): AnonymousPool {
    const order = Object.entries(this.state.notes)
      .filter(([, note]) => note.hidden || note.held || note.pendingChange !== null)
      .map(([id]) => id);
    const writers = new Map<string, Set<string>>();
    for (const item of heldItems(this.state)) {
      const set = writers.get(item.batch) ?? new Set<string>();
      // An item whose author this process does not know (held before a restart) counts for no
      // one: it may be a known author's, and counting it could only let a batch leave too soon.
      const author = this.anonymousAuthors.get(item.noteId);
      if (author !== undefined) set.add(author);
      writers.set(item.batch, set);
    }
    const authors: Record<string, number> = {};
    for (const [batch, set] of writers) authors[batch] = set.size;
    return { order: shuffled(order, randomInt), authors, minBatch: this.options.minBatch };
  }

  /**
   * [AR2][AR3] Held anonymous items leave (or go back to their authors) at a moment the server
   * picks at random, 2–5 s after a batch became due, in shuffled order: neither the moment nor the
   * position of a note points at its author, and no person's command can make it happen sooner.
   */
  private armRelease(): void {
    if (
      this.releaseHandle !== undefined ||
      this.evicted ||
      this.state.status === 'closed' ||
      !hasScheduledWork(this.state, this.anonymousPool())
    )
      return;
    this.releaseHandle = setTimeout(
      () => {
        this.releaseHandle = undefined;
        void this.enqueue(async () => {
          if (this.evicted || this.state.status === 'closed') return undefined;
          const pool = this.anonymousPool();
          return this.execute({ kind: 'system' }, null, { type: 'settleHeld', pool }, () => ({}));
        })
          .catch((error: unknown) =>
            this.log.warn({ err: error, sessionId: this.sessionId }, 'anonymous release failed'),
          )
          .finally(() => this.armRelease());
      },
      this.options.releaseMinMs + randomInt(this.options.releaseJitterMs + 1),
    );
    this.releaseHandle.unref();
  }

  /** Stops the timers; the registry calls this when it drops the room. */
  dispose(): void {
    clearTimeout(this.timerHandle);
    this.timerHandle = undefined;
    clearTimeout(this.releaseHandle);
    this.releaseHandle = undefined;
  }

  newNoteId(): string {
    return randomUUID();
  }

  /** Folds the update log into a snapshot; call through `enqueue`. */
  async compact(): Promise<void> {
    // An evicted room's document may have been deleted by retention: never write it back.
    if (this.stale || this.evicted || this.tailLength === 0) return;
    await this.store.docLog.compact(this.docName, Y.encodeStateAsUpdate(this.doc), this.lastId);
    this.tailLength = 0;
  }

  /** Replaces the in-memory document and state with what the store holds. */
  private async reload(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    this.inFlight = undefined;
    this.generation += 1;
    const started = this.generation;
    const loaded = await loadRoom(this.store, this.sessionId);
    if (!loaded) throw new Error(`session ${this.sessionId} vanished from the store`);
    // A reload that outlived its timeout must not replace a newer state.
    if (this.generation !== started) return;
    this.doc = loaded.doc;
    this.state = loaded.state;
    this.participants = loaded.participants;
    this.teamId = loaded.session.teamId;
    this.lastId = loaded.lastId;
    this.tailLength = loaded.tailLength;
    this.stale = false;
    this.armTimer();
    // Replicas may lack a change that committed after its command timed out: reconnecting makes
    // each of them ask for exactly what it is missing.
    this.closeAll(1012, 'the board was reloaded; reconnect');
  }

  /** Adds or refreshes a participant that joined after the room was loaded. */
  upsertParticipant(participant: ParticipantRecord): void {
    this.participants.set(participant.id, participant);
    this.state = withParticipant(
      this.state,
      participant.id,
      participant.displayName,
      participant.role,
    );
    const view = facilitatorView(this.state);
    this.lastFacilitationJson = JSON.stringify(view);
    for (const sink of this.sinks) {
      const role = this.state.participants[sink.participantId]?.role;
      if (role && isFacilitating(role)) sink.sendFacilitation(view);
    }
  }
}
