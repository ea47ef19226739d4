import { randomInt } from 'node:crypto';
import type { Presence } from '@reflectory/shared';
import { encodeAwarenessMessage, type AwarenessEntry } from '../realtime/yjs-messages.ts';

export interface PresenceOptions {
  /** At most one presence broadcast per this many ms; changes in between go out together. */
  coalesceMs: number;
  /** A person whose last replica left stays present this long, so a reopen is not a leave and a join. */
  graceMs: number;
}

interface Entry {
  awarenessId: number;
  clock: number;
  replicas: number;
  leaving: NodeJS.Timeout | undefined;
}

/**
 * Who is present on one board, as awareness entries the server fills from each replica's
 * identity. Replicas come and go in storms (a reconnecting tab, a script reopening the board), so
 * changes are broadcast at most once per `coalesceMs`, and a person whose last replica detached
 * stays present for `graceMs`: a reopen within it changes nothing anyone can see.
 */
export class RoomPresence {
  private readonly entries = new Map<string, Entry>();
  /** Departures not yet broadcast. */
  private readonly departed: AwarenessEntry[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    /** What others see of a person; undefined leaves them out. */
    private readonly describe: (participantId: string) => Presence | undefined,
    private readonly broadcast: (message: Uint8Array) => void,
    private readonly options: PresenceOptions,
  ) {}

  /** A replica of the person attached. */
  arrive(participantId: string): void {
    const entry = this.entries.get(participantId);
    if (entry) {
      entry.replicas += 1;
      clearTimeout(entry.leaving);
      entry.leaving = undefined;
      return;
    }
    this.entries.set(participantId, {
      awarenessId: randomInt(1, 2 ** 31),
      clock: 1,
      replicas: 1,
      leaving: undefined,
    });
    this.changed();
  }

  /** A replica of the person detached; with their last one gone, they leave after the grace period. */
  depart(participantId: string): void {
    const entry = this.entries.get(participantId);
    if (!entry || entry.replicas === 0) return;
    entry.replicas -= 1;
    if (entry.replicas > 0) return;
    entry.leaving = setTimeout(() => this.forget(participantId), this.options.graceMs);
    entry.leaving.unref();
  }

  /** The person is no longer present, at once (they were removed from the session). */
  forget(participantId: string): void {
    const entry = this.entries.get(participantId);
    if (!entry) return;
    clearTimeout(entry.leaving);
    this.entries.delete(participantId);
    this.departed.push({ clientId: entry.awarenessId, clock: entry.clock + 1, state: null });
    this.changed();
  }

  /**
   * Re-announces everyone present with a newer clock. y-protocols drops a peer's awareness after
   * 30 s without renewal, and y-websocket reconnects after 30 s of silence: renewing covers both;
   * a newer clock also makes every peer take a changed role at once.
   */
  renew(): void {
    if (this.entries.size === 0) return;
    for (const entry of this.entries.values()) entry.clock += 1;
    this.changed();
  }

  /** Everyone present, as one message for one replica (a new one, or one that asked). */
  message(): Uint8Array {
    return encodeAwarenessMessage(this.present());
  }

  private present(): AwarenessEntry[] {
    const entries: AwarenessEntry[] = [];
    for (const [participantId, entry] of this.entries) {
      const state = this.describe(participantId);
      if (state) entries.push({ clientId: entry.awarenessId, clock: entry.clock, state });
    }
    return entries;
  }

  private changed(): void {
    if (this.flushTimer !== undefined) return;
    const wait = this.lastFlush + this.options.coalesceMs - Date.now();
    if (wait <= 0) return this.flush();
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, wait);
    this.flushTimer.unref();
  }

  private flush(): void {
    this.lastFlush = Date.now();
    const entries = [...this.present(), ...this.departed.splice(0)];
    if (entries.length > 0) this.broadcast(encodeAwarenessMessage(entries));
  }
}
