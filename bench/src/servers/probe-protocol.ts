/** Requests a benchmark sends to the probe preloaded into a server under test, and the replies. */
export type ProbeRequest =
  | { type: 'memory' }
  | { type: 'load-reset' }
  | { type: 'load' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; path: string }
  | { type: 'heap-snapshot'; path: string };

export interface MemoryFigures {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

export interface LoadFigures {
  /** CPU time over wall time since the last reset (1 = one core fully busy). */
  cpuShare: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Garbage-collection pauses since the last reset: the longest, and all of them together. */
  gcMaxMs: number;
  gcTotalMs: number;
}

export type ProbeReply =
  | ({ type: 'memory' } & MemoryFigures)
  | ({ type: 'load' } & LoadFigures)
  | { type: 'ok' }
  | { type: 'error'; message: string };
