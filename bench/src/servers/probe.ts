/**
 * Preloaded into a server under test (`--import`), never part of the server itself. Over the IPC
 * channel it answers: memory after a full GC, CPU time and event-loop delay since the last reset,
 * CPU profiles of a window, and heap snapshots. It holds no reference to the server's objects.
 */
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ProbeReply, ProbeRequest } from './probe-protocol.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
let cpuSince = process.cpuUsage();
let wallSince = performance.now();
let inspector: Session | undefined;
// GC pauses stop the event loop: the longest one bounds what every request waiting meanwhile sees.
let gcMaxMs = 0;
let gcTotalMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMaxMs = Math.max(gcMaxMs, entry.duration);
    gcTotalMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function collect(): Promise<void> {
  // Several passes: weak references and finalizers free more on the second and third.
  for (let pass = 0; pass < 4; pass += 1) {
    gc();
    await settle();
  }
}

async function answer(request: ProbeRequest): Promise<ProbeReply> {
  switch (request.type) {
    case 'memory': {
      await collect();
      const usage = process.memoryUsage();
      return {
        type: 'memory',
        heapUsed: usage.heapUsed,
        heapTotal: usage.heapTotal,
        external: usage.external,
        arrayBuffers: usage.arrayBuffers,
        rss: usage.rss,
      };
    }
    case 'load-reset':
      cpuSince = process.cpuUsage();
      wallSince = performance.now();
      loopDelay.reset();
      gcMaxMs = 0;
      gcTotalMs = 0;
      return { type: 'ok' };
    case 'load': {
      const cpu = process.cpuUsage(cpuSince);
      const wallMs = performance.now() - wallSince;
      return {
        type: 'load',
        cpuShare: (cpu.user + cpu.system) / 1000 / wallMs,
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        loopDelayMaxMs: loopDelay.max / 1e6,
        gcMaxMs,
        gcTotalMs,
      };
    }
    case 'profile-start':
      inspector = new Session();
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
      await inspector.post('Profiler.start');
      return { type: 'ok' };
    case 'profile-stop': {
      if (!inspector) return { type: 'error', message: 'no profile running' };
      const { profile } = await inspector.post('Profiler.stop');
      inspector.disconnect();
      inspector = undefined;
      await writeFile(request.path, JSON.stringify(profile));
      return { type: 'ok' };
    }
    case 'heap-snapshot':
      await collect();
      writeHeapSnapshot(request.path);
      return { type: 'ok' };
  }
}

process.on('message', (message: unknown) => {
  const request = message as ProbeRequest & { id: number };
  answer(request)
    .catch((error: unknown): ProbeReply => ({ type: 'error', message: String(error) }))
    .then((reply) => process.send?.({ id: request.id, ...reply }));
});
// The channel must not keep the server alive once it has been asked to stop.
process.channel?.unref();
