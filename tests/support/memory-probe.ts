/**
 * Preloaded into a server process by tests that watch its memory (through NODE_OPTIONS, never
 * part of the server): on SIGUSR2 it runs a full GC and prints one line,
 * `memory-probe <n> {"heapUsed":…,"rss":…}`, to stderr.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
let answered = 0;

process.on('SIGUSR2', () => {
  void (async () => {
    for (let pass = 0; pass < 4; pass += 1) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { heapUsed, rss, external } = process.memoryUsage();
    answered += 1;
    process.stderr.write(
      `memory-probe ${answered} ${JSON.stringify({ heapUsed, rss, external })}\n`,
    );
  })();
});
