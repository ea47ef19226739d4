import { defaultMinBatch } from '@reflectory/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../db/store.ts';
import { loadRoom } from './room-loader.ts';
import { SessionRoom, type RoomOptions } from './room.ts';

export interface RegistryOptions extends RoomOptions {
  /** A room with no replicas and no command for this long is compacted and dropped from memory. */
  idleMs: number;
  /** How often presence is re-announced and idle rooms are swept. */
  sweepMs: number;
}

export const defaultRegistryOptions: RegistryOptions = {
  compactAfter: 100,
  storeTimeoutMs: 2000,
  maxQueueLength: 200,
  presenceCoalesceMs: 75,
  presenceGraceMs: 2000,
  releaseMinMs: 2000,
  releaseJitterMs: 3000,
  minBatch: defaultMinBatch,
  idleMs: 60_000,
  sweepMs: 15_000,
};

/** The live rooms of this process, loaded on first use and dropped when idle. */
export class RoomRegistry {
  private readonly rooms = new Map<string, SessionRoom>();
  private readonly loading = new Map<string, Promise<SessionRoom | undefined>>();
  /** Sessions purged while this process ran, so a load that raced the purge is dropped. */
  private readonly purged = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
    private readonly options: RegistryOptions = defaultRegistryOptions,
  ) {
    this.timer = setInterval(() => this.sweep(), options.sweepMs);
    this.timer.unref();
  }

  /** The live room of a session, loading it if needed; undefined if the session does not exist. */
  async get(anySpelling: string): Promise<SessionRoom | undefined> {
    // One room per session however its id is spelt: two copies would split roles and removals.
    const sessionId = anySpelling.toLowerCase();
    const live = this.rooms.get(sessionId);
    if (live) return live;
    const pending = this.loading.get(sessionId);
    if (pending) return pending;
    const load = loadRoom(this.store, sessionId)
      .then((loaded) => {
        if (!loaded || this.purged.has(sessionId)) return undefined;
        const room = new SessionRoom(sessionId, this.store, loaded, this.log, this.options);
        this.rooms.set(sessionId, room);
        return room;
      })
      .finally(() => this.loading.delete(sessionId));
    this.loading.set(sessionId, load);
    return load;
  }

  /**
   * Drops a session's room at once because retention deleted its board: replicas close with
   * `code`, command connections are told `message`, and the room is never loaded again here.
   */
  evictPurged(anySpelling: string, code: number, reason: string, message: string): void {
    const sessionId = anySpelling.toLowerCase();
    this.purged.add(sessionId);
    const room = this.rooms.get(sessionId);
    if (!room) return;
    this.rooms.delete(sessionId);
    room.evicted = true;
    room.dispose();
    room.endAll(code, reason, message);
  }

  /** The room if it is in memory now; for updates that matter only to a live room. */
  peek(sessionId: string): SessionRoom | undefined {
    return this.rooms.get(sessionId.toLowerCase());
  }

  /**
   * The room if it is in memory or being loaded now: a change committed while the room loads may
   * have missed the load's reads, so apply it to the loaded room as well.
   */
  async peekOrLoading(anySpelling: string): Promise<SessionRoom | undefined> {
    const sessionId = anySpelling.toLowerCase();
    // A failed load has no room to update; its caller sees the failure, not this one.
    return this.rooms.get(sessionId) ?? this.loading.get(sessionId)?.catch(() => undefined);
  }

  get size(): number {
    return this.rooms.size;
  }

  private sweep(): void {
    const now = Date.now();
    for (const room of this.rooms.values()) {
      room.renewPresence();
      // A room about to settle held anonymous notes stays: its memory knows their authors (AR1).
      const idle =
        room.connectionCount === 0 &&
        !room.releasePending &&
        now - room.lastActivity >= this.options.idleMs;
      if (idle) {
        void room
          .enqueue(async () => {
            if (
              room.connectionCount > 0 ||
              room.releasePending ||
              Date.now() - room.lastActivity < this.options.idleMs
            )
              return;
            await room.compact();
            room.evicted = true;
            room.dispose();
            this.rooms.delete(room.sessionId);
          })
          .catch((error: unknown) =>
            this.log.warn({ err: error, sessionId: room.sessionId }, 'could not drop an idle room'),
          );
      }
    }
  }

  /** Closes every replica with `code` and waits for queued commands and a last compaction. */
  async close(code: number, reason: string): Promise<void> {
    clearInterval(this.timer);
    const rooms = [...this.rooms.values()];
    for (const room of rooms) room.closeAll(code, reason);
    await Promise.all(
      rooms.map((room) =>
        room
          .enqueue(() => room.compact())
          .catch((error: unknown) =>
            this.log.warn(
              { err: error, sessionId: room.sessionId },
              'compaction at shutdown failed',
            ),
          ),
      ),
    );
    this.rooms.clear();
  }
}
