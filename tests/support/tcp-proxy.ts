import { connect, createServer, type Socket } from 'node:net';

export type ProxyMode = 'open' | 'silent' | 'cut';

export interface TcpProxy {
  readonly port: number;
  readonly mode: ProxyMode;
  /** Connections accepted since the proxy started. */
  readonly accepted: number;
  /**
   * The network goes quiet, as in a partition: open connections stay open but nothing passes
   * (bytes wait, as TCP would retransmit them), and new connections hang unanswered.
   */
  silence(): void;
  /** Every connection is reset and new ones are refused, as when the far side is stopped. */
  cut(): void;
  /**
   * The network is back: waiting bytes flow, connections whose far end went away meanwhile are
   * reset, and connections that were hanging reach the target.
   */
  restore(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
  upstreamGone: boolean;
  /** The client closed while the network was silent; the far end learns it on restore. */
  clientGone: boolean;
}

/**
 * A TCP proxy on 127.0.0.1 in front of `target`, for tests that cut or silence a connection (server
 * to PostgreSQL, or browser to server) without touching anything shared.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'open';
  let accepted = 0;
  const pairs = new Set<Pair>();

  const reset = (pair: Pair) => {
    pairs.delete(pair);
    pair.client.resetAndDestroy();
    pair.upstream?.resetAndDestroy();
  };

  const link = (pair: Pair) => {
    const upstream = connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.setNoDelay(true);
    pair.client.on('data', (chunk) => {
      if (!upstream.write(chunk)) pair.client.pause();
    });
    upstream.on('drain', () => mode === 'open' && pair.client.resume());
    upstream.on('data', (chunk) => {
      if (!pair.client.write(chunk)) upstream.pause();
    });
    pair.client.on('drain', () => mode === 'open' && upstream.resume());
    const upstreamEnded = () => {
      pair.upstreamGone = true;
      if (mode === 'open') {
        pairs.delete(pair);
        pair.client.destroySoon();
      }
    };
    upstream.on('end', upstreamEnded);
    upstream.on('error', upstreamEnded);
    upstream.on('close', upstreamEnded);
    pair.client.on('end', () => upstream.end());
    if (mode === 'open') pair.client.resume();
  };

  const server = createServer({ pauseOnConnect: true }, (client) => {
    accepted += 1;
    client.setNoDelay(true);
    if (mode === 'cut') {
      client.on('error', () => {});
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, upstream: undefined, upstreamGone: false, clientGone: false };
    pairs.add(pair);
    client.on('error', () => client.destroy());
    client.on('close', () => {
      if (mode === 'silent') {
        pair.clientGone = true;
        return;
      }
      pairs.delete(pair);
      pair.upstream?.destroy();
    });
    if (mode === 'open') link(pair);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the proxy did not listen');

  return {
    port: address.port,
    get mode() {
      return mode;
    },
    get accepted() {
      return accepted;
    },
    silence() {
      mode = 'silent';
      for (const pair of pairs) {
        pair.client.pause();
        pair.upstream?.pause();
      }
    },
    cut() {
      mode = 'cut';
      for (const pair of [...pairs]) reset(pair);
    },
    restore() {
      mode = 'open';
      for (const pair of [...pairs]) {
        if (pair.upstreamGone || pair.clientGone) reset(pair);
        else if (!pair.upstream) link(pair);
        else {
          pair.client.resume();
          pair.upstream.resume();
        }
      }
    },
    async close() {
      for (const pair of [...pairs]) reset(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
