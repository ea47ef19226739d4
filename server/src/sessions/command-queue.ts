import { ErrorCode, fail, type Ack } from '@reflectory/shared';

/** The store failed or timed out: only then do people read that saving is paused for it. */
export const unavailableMessage =
  'Saving is paused: the server cannot reach its database. Your change may not have been saved; it will be sent again.';

/** The command was never run: too many were ahead of it. */
export const busyMessage =
  'This board is busy right now; your change was not saved yet. It will be sent again in a moment.';

/** The command was still running when its time ran out, on a store that is answering. */
export const busyRunningMessage =
  'This board is busy right now; your change may not have been saved yet. It will be sent again.';

export interface CommandQueueOptions {
  /** A person's command is answered within this long of its arrival, however long the queue. */
  budgetMs: number;
  /** Work queued or running at most; a person's command beyond it is refused at once. */
  maxLength: number;
}

/**
 * A session's work, one item at a time in arrival order, so that no two commands race on one
 * board. A person's command (`submit`) is answered within the budget: refused at once when the
 * queue is full, and answered when its time runs out, as a busy board (`rate_limited`, and it is
 * then skipped) or, when the store is what holds the queue up, as a store outage (`unavailable`).
 * The store is taken to be in trouble when the room says so (`storeInTrouble`), when a command
 * answered `unavailable` during the wait, or when one item has held the queue for half the budget:
 * a command takes milliseconds, so that much is a store not answering, not a crowd.
 */
export class CommandQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private runningSince: number | undefined;
  private troubleAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: CommandQueueOptions,
    private readonly storeInTrouble: () => boolean,
  ) {}

  /** Work queued or running now. */
  get length(): number {
    return this.pending;
  }

  /** Runs `work` after everything queued before it has finished. */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const start = () => {
      this.runningSince = Date.now();
      return work();
    };
    const done = () => {
      this.pending -= 1;
      this.runningSince = undefined;
    };
    const run = this.tail.then(start, start);
    this.tail = run.then(done, done);
    return run;
  }

  /**
   * Queues a person's command and answers it within the budget (see the class). Resolves to what
   * `work` resolves to when it ran in time, including undefined (the caller's "try again").
   */
  async submit<T>(work: () => Promise<Ack<T> | undefined>): Promise<Ack<T> | undefined> {
    const arrived = Date.now();
    if (this.pending >= this.options.maxLength) {
      // Full behind a store that does not answer is an outage; full behind a crowd, a busy board.
      return this.storeHoldsUp(arrived - this.options.budgetMs)
        ? fail(ErrorCode.unavailable, unavailableMessage)
        : fail(ErrorCode.rateLimited, busyMessage);
    }
    let started = false;
    let answered = false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Ack<T>>((resolve) => {
      timer = setTimeout(() => {
        answered = true;
        resolve(this.lateAnswer(arrived, started));
      }, this.options.budgetMs);
    });
    const run = this.enqueue(async () => {
      // Already answered: never run a command whose sender was told it was not.
      if (answered) return undefined;
      started = true;
      const result = await work();
      if (result && !result.ok && result.error.code === ErrorCode.unavailable) {
        this.troubleAt = Date.now();
      }
      return result;
    });
    try {
      return await Promise.race([run, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private lateAnswer(arrived: number, started: boolean): Ack<never> {
    if (this.storeHoldsUp(arrived)) return fail(ErrorCode.unavailable, unavailableMessage);
    return started
      ? fail(ErrorCode.unavailable, busyRunningMessage)
      : fail(ErrorCode.rateLimited, busyMessage);
  }

  /** Whether the store, rather than a crowd, is what holds the queue up (see the class). */
  private storeHoldsUp(troubleSince: number): boolean {
    const held =
      this.runningSince !== undefined &&
      Date.now() - this.runningSince >= this.options.budgetMs / 2;
    return this.storeInTrouble() || held || this.troubleAt >= troubleSince;
  }
}
