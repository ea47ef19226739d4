import {
  DocCloseCode,
  abandonedAfterDays,
  defaultRetentionDays,
  isAbandoned,
  purgedBoardMessage,
  purgedCloseReason,
} from '@reflectory/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../db/store.ts';
import type { RoomRegistry } from '../sessions/room-registry.ts';
import { purgeSession, type PurgeResult } from './purge.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's retention job; tests run it on demand with `runOnce()`. */
    retention: RetentionJob;
  }
}

export interface RetentionOptions {
  /** Days a standalone session (no team) keeps its board after closing. */
  defaultDays: number;
  /** How often the job runs; it also runs once when the app is ready. */
  intervalMs: number;
  /** The clock; tests move it forward instead of waiting. */
  now: () => Date;
}

export const defaultRetentionOptions: RetentionOptions = {
  defaultDays: defaultRetentionDays,
  intervalMs: 60 * 60_000,
  now: () => new Date(),
};

export interface RetentionRun {
  /** Ids of the sessions whose boards this run deleted. */
  purged: string[];
  /** Ids of the sessions that could not be purged (logged; tried again next run). */
  failed: string[];
  /** Ids of the abandoned sessions this run closed, so that their retention starts [RT5]. */
  closed: string[];
  signInsDeleted: number;
}

/** Sessions purged per query; the job asks again until none is left. */
const batchSize = 100;

/**
 * Enforces retention: deletes the raw boards of closed sessions once their team's retention (or
 * the server's default, for standalone sessions) has run out, and expired sign-ins. Runs when the
 * app is ready and then every `intervalMs`; a session with 0 days is purged right after it closes.
 * Logs ids and counts, never content.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RetentionRun> | undefined;
  private readonly pending = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly rooms: RoomRegistry,
    private readonly log: FastifyBaseLogger,
    private readonly options: RetentionOptions = defaultRetentionOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.track(this.runOnce());
    this.timer = setInterval(() => this.track(this.runOnce()), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the schedule and waits for work in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /** Resolves once the purges and runs started so far have finished. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /** One pass of the job; a pass already running is joined rather than started twice. */
  runOnce(): Promise<RetentionRun> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /** For the room: a session just closed; with 0 days of retention its board goes now. */
  afterClose(sessionId: string): void {
    if (this.stopped) return;
    this.track(
      this.purge(sessionId).then((result) => {
        if (result.purged) this.logPurged(sessionId, result);
      }),
    );
  }

  /**
   * Purges one session if it is due, inside its live room's queue when it has one (so no command
   * or compaction interleaves), then drops the room and ends its connections.
   */
  async purge(sessionId: string): Promise<PurgeResult> {
    const work = async () => {
      const result = await purgeSession(
        this.store,
        sessionId,
        this.options.now(),
        this.options.defaultDays,
      );
      if (result.purged) {
        this.rooms.evictPurged(
          sessionId,
          DocCloseCode.purged,
          purgedCloseReason,
          purgedBoardMessage,
        );
      }
      return result;
    };
    const room = this.rooms.peek(sessionId);
    return room ? room.enqueue(work) : work();
  }

  private async pass(): Promise<RetentionRun> {
    const run: RetentionRun = { purged: [], failed: [], closed: [], signInsDeleted: 0 };
    run.closed = await this.closeAbandoned();
    const tried = new Set<string>();
    for (;;) {
      const due = await this.store.retention.listDue(
        this.options.now(),
        this.options.defaultDays,
        batchSize,
      );
      const fresh = due.filter((session) => !tried.has(session.id));
      if (fresh.length === 0) break;
      for (const session of fresh) {
        tried.add(session.id);
        try {
          const result = await this.purge(session.id);
          if (result.purged) {
            run.purged.push(session.id);
            this.logPurged(session.id, result);
          }
        } catch (error) {
          run.failed.push(session.id);
          this.log.error({ err: error, sessionId: session.id }, 'retention could not purge');
        }
      }
      if (due.length < batchSize) break;
    }
    run.signInsDeleted = await this.store.authSessions.deleteExpired(this.options.now());
    this.log.info(
      { purged: run.purged.length, failed: run.failed.length, signInsDeleted: run.signInsDeleted },
      'retention run finished',
    );
    return run;
  }

  /**
   * Closes sessions nobody finished [RT5], through their rooms as any close goes (the board shows
   * the end, the session's row gets its close time), so that retention then runs for them.
   */
  private async closeAbandoned(): Promise<string[]> {
    const now = this.options.now();
    const candidates = await this.store.retention.listOpenSince(now, abandonedAfterDays, batchSize);
    const closed: string[] = [];
    for (const candidate of candidates) {
      const subject = {
        createdAt: candidate.createdAt.getTime(),
        scheduledFor: candidate.scheduledFor?.getTime() ?? null,
        closedAt: null,
      };
      if (!isAbandoned(subject, now.getTime())) continue;
      try {
        const room = await this.rooms.get(candidate.id);
        const ack = await room?.submit(() =>
          room.execute(
            { kind: 'system' },
            null,
            { type: 'closeAbandoned', pool: room.anonymousPool() },
            () => undefined,
          ),
        );
        if (ack?.ok) closed.push(candidate.id);
        else this.log.warn({ sessionId: candidate.id }, 'an abandoned session could not be closed');
      } catch (error) {
        this.log.error(
          { err: error, sessionId: candidate.id },
          'closing an abandoned session failed',
        );
      }
    }
    if (closed.length > 0) this.log.info({ closed: closed.length }, 'abandoned sessions closed');
    return closed;
  }

  private logPurged(sessionId: string, result: Extract<PurgeResult, { purged: true }>): void {
    this.log.info(
      { sessionId, retentionDays: result.retentionDays, deleted: result.counts },
      'retention deleted a session board',
    );
  }

  private track(work: Promise<unknown>): void {
    const settled = work.catch((error: unknown) =>
      this.log.error({ err: error }, 'retention job failed'),
    );
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
  }
}
