import { TokenBucket } from './token-bucket.ts';

/** A sustained rate with bursts: the two numbers of a token bucket. */
export interface Rate {
  perSecond: number;
  burst: number;
}

export interface LimitSettings {
  /** Commands of one person in one session, whichever of their connections carry them. */
  personCommands: Rate;
  /** Commands of a whole session, so that one session cannot take the process for itself. */
  sessionCommands: Rate;
  /** Board opens of one person: `yjs:open`, `yjs:close` and /yjs/ handshakes. */
  personBoardOpens: Rate;
  /** y-websocket messages of one person, over all their replicas. */
  personReplicaMessages: Rate;
  /** Connections one person may hold open at once, per transport: enough for tabs and devices. */
  connectionsPerPerson: number;
}

/**
 * What a real group never reaches. A person's command budget is what one connection had before:
 * a person typing, voting and moving notes sends a few a second. A session's is five hostile
 * people's worth, and still lets 200 people vote within a second (bench S3). Opening the board is
 * a page load or a reconnect. Eight connections cover a person's tabs and devices.
 */
export const defaultLimitSettings: LimitSettings = {
  personCommands: { perSecond: 20, burst: 40 },
  sessionCommands: { perSecond: 100, burst: 200 },
  personBoardOpens: { perSecond: 2, burst: 20 },
  personReplicaMessages: { perSecond: 50, burst: 200 },
  connectionsPerPerson: 8,
};

export type Transport = 'socket.io' | 'yjs';

/** `allowed`, or whose budget is spent: the person's own, or the whole session's. */
export type CommandVerdict = 'allowed' | 'person' | 'session';

/**
 * The realtime limits of the whole process, per person (a participant of a session) and per
 * session, never per connection: one person with twenty connections has one budget. The
 * composition root makes one and hands it to every transport; a version shared by several
 * processes (Redis) implements the same interface. Counting a connection is asynchronous because
 * a shared version must ask its store; the per-message checks are not, and such a version would
 * answer them from a local share of the budget.
 */
export interface RealtimeLimits {
  readonly settings: LimitSettings;
  /** Takes a command from the person's and the session's budgets. */
  command(sessionId: string, participantId: string): CommandVerdict;
  /** Takes a board open (or close) from the person's budget; false when it is spent. */
  boardOpen(sessionId: string, participantId: string): boolean;
  /** Takes a y-websocket message from the person's budget; false when it is spent. */
  replicaMessage(sessionId: string, participantId: string): boolean;
  /**
   * Counts a new connection of the person in: undefined when they already hold the most allowed
   * on that transport, else the function to call when it ends (calling it again does nothing).
   */
  admit(
    sessionId: string,
    participantId: string,
    transport: Transport,
  ): Promise<(() => void) | undefined>;
}

export interface MemoryLimitsOptions {
  settings: LimitSettings;
  now: () => number;
  /** How often refilled budgets are dropped from memory. */
  sweepMs: number;
}

type Budget = 'personCommands' | 'sessionCommands' | 'personBoardOpens' | 'personReplicaMessages';

/**
 * The limits of one process, in memory. Bounded: a budget that has refilled is indistinguishable
 * from a new one and is dropped at the next sweep (run on use, no timer), and a connection count
 * is dropped when it falls to zero. Forgetting only ever gives back what a full budget would.
 */
export function createMemoryLimits(
  options: Partial<MemoryLimitsOptions> = {},
): RealtimeLimits & { readonly size: number } {
  const settings = options.settings ?? defaultLimitSettings;
  const now = options.now ?? Date.now;
  const sweepMs = options.sweepMs ?? 10_000;
  const buckets = new Map<string, TokenBucket>();
  const open = new Map<string, number>();
  let lastSweep = now();

  function sweep(): void {
    if (now() - lastSweep < sweepMs) return;
    lastSweep = now();
    for (const [key, bucket] of buckets) if (bucket.isFull()) buckets.delete(key);
  }

  function take(budget: Budget, key: string): boolean {
    sweep();
    const name = `${budget} ${key}`;
    let bucket = buckets.get(name);
    if (!bucket) {
      const rate = settings[budget];
      bucket = new TokenBucket(rate.perSecond, rate.burst, now);
      buckets.set(name, bucket);
    }
    return bucket.take();
  }

  return {
    settings,
    get size() {
      return buckets.size + open.size;
    },
    command(sessionId, participantId) {
      if (!take('personCommands', personKey(sessionId, participantId))) return 'person';
      if (!take('sessionCommands', sessionId.toLowerCase())) return 'session';
      return 'allowed';
    },
    boardOpen(sessionId, participantId) {
      return take('personBoardOpens', personKey(sessionId, participantId));
    },
    replicaMessage(sessionId, participantId) {
      return take('personReplicaMessages', personKey(sessionId, participantId));
    },
    admit(sessionId, participantId, transport) {
      const key = `${transport} ${personKey(sessionId, participantId)}`;
      const count = open.get(key) ?? 0;
      if (count >= settings.connectionsPerPerson) return Promise.resolve(undefined);
      open.set(key, count + 1);
      let released = false;
      return Promise.resolve(() => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
      });
    },
  };
}

/** One key per person in a session, however the client spelt the session's id. */
function personKey(sessionId: string, participantId: string): string {
  return `${sessionId.toLowerCase()} ${participantId}`;
}
