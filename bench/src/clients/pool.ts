import { Worker } from 'node:worker_threads';
import type { Member, SeededSession } from '../seed.ts';
import type { ParticipantOptions } from './ours.ts';
import type { ServerKind, SteadyResult, WorkerReply, WorkerRequest } from './worker-protocol.ts';

type ReplyOf<T extends WorkerReply['type']> = Extract<WorkerReply, { type: T }>;

/**
 * Node 20 does not apply `--import tsx` to worker threads: the worker registers tsx itself, then
 * loads its TypeScript entry.
 */
function startWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}

class WorkerHandle {
  private readonly worker = startWorker();
  private nextId = 1;
  private readonly pending = new Map<number, (reply: WorkerReply) => void>();
  private crashed: Error | undefined;
  private readonly started: Promise<void>;
  readonly sessionIndexes = new Set<number>();

  constructor() {
    this.started = new Promise((resolve) => {
      this.worker.on('message', (reply: (WorkerReply & { id: number }) | { type: 'started' }) => {
        if (reply.type === 'started') return resolve();
        this.pending.get(reply.id)?.(reply);
        this.pending.delete(reply.id);
      });
    });
    this.worker.on('error', (error) => {
      this.crashed = error;
      for (const settle of this.pending.values())
        settle({ type: 'error', message: `worker crashed: ${error.message}` });
      this.pending.clear();
    });
  }

  async ask<T extends WorkerReply['type']>(request: WorkerRequest, expect: T): Promise<ReplyOf<T>> {
    if (this.crashed) throw this.crashed;
    await Promise.race([
      this.started,
      new Promise((_, reject) =>
        setTimeout(() => reject(this.crashed ?? new Error('worker did not start')), 30_000),
      ),
    ]);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, (reply) => {
        if (reply.type === expect) resolve(reply as ReplyOf<T>);
        else reject(new Error(reply.type === 'error' ? reply.message : `unexpected ${reply.type}`));
      });
      this.worker.postMessage({ id, ...request });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * The participants of a scenario, spread over worker threads by whole sessions. The threads run on
 * the clients' core (they inherit the harness's CPU affinity).
 */
export class ClientPool {
  private readonly workers: WorkerHandle[];

  constructor(
    readonly kind: ServerKind,
    private readonly url: string,
    threads: number,
  ) {
    this.workers = Array.from({ length: threads }, () => new WorkerHandle());
  }

  private workerFor(sessionIndex: number): WorkerHandle {
    return this.workers[sessionIndex % this.workers.length]!;
  }

  /** Connects everyone in `sessions` and resolves once every one is connected and synced. */
  async connect(
    sessions: readonly SeededSession[],
    options: ParticipantOptions,
  ): Promise<{ ms: number; count: number }> {
    const byWorker = new Map<WorkerHandle, Member[]>();
    for (const session of sessions) {
      const worker = this.workerFor(session.index);
      worker.sessionIndexes.add(session.index);
      byWorker.set(worker, [...(byWorker.get(worker) ?? []), ...session.members]);
    }
    const started = Date.now();
    const replies = await Promise.all(
      [...byWorker].map(([worker, members]) =>
        worker.ask(
          { type: 'connect', kind: this.kind, url: this.url, members, options, concurrency: 25 },
          'connected',
        ),
      ),
    );
    return { ms: Date.now() - started, count: replies.reduce((sum, r) => sum + r.count, 0) };
  }

  async status(): Promise<{ ready: number; total: number }> {
    const replies = await Promise.all(this.workers.map((w) => w.ask({ type: 'status' }, 'status')));
    return {
      ready: replies.reduce((sum, r) => sum + r.ready, 0),
      total: replies.reduce((sum, r) => sum + r.total, 0),
    };
  }

  async prepare(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.ask({ type: 'prepare' }, 'prepared')));
  }

  async steady(
    sessionCount: number,
    timing: { intervalMs: number; warmupMs: number; durationMs: number; drainMs: number },
  ): Promise<SteadyResult> {
    // Spread the sessions' posts evenly over each interval, so the load is smooth, not bursts.
    const offsets: Record<number, number> = {};
    for (let i = 0; i < sessionCount; i += 1) offsets[i] = (i / sessionCount) * timing.intervalMs;
    const replies = await Promise.all(
      this.workers.map((w) => w.ask({ type: 'steady', offsets, ...timing }, 'steady')),
    );
    return {
      notes: replies.flatMap((r) => r.result.notes),
      deliveries: replies.flatMap((r) => r.result.deliveries),
      warmupNotes: replies.reduce((sum, r) => sum + r.result.warmupNotes, 0),
    };
  }

  async docState(sessionIndex: number): Promise<Uint8Array> {
    const reply = await this.workerFor(sessionIndex).ask(
      { type: 'doc-state', sessionIndex },
      'doc-state',
    );
    return reply.state;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.ask({ type: 'close' }, 'closed').catch(() => {})));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
