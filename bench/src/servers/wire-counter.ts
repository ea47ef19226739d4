import { connect, createServer, type Socket } from 'node:net';

export interface WireCounts {
  /** Statements the server was asked to run: simple queries ('Q') and executes ('E'). */
  statements: number;
  /**
   * Round trips: times a connection sent again after PostgreSQL had answered, i.e. the client
   * waited for a reply before it could go on. Pipelined statements share one.
   */
  roundTrips: number;
}

export interface WireCounter {
  readonly port: number;
  /** What passed since the counter started (or since the last `take`), and starts again from 0. */
  take(): WireCounts;
  close(): Promise<void>;
}

/** Walks the frontend messages of one connection (the first is the untyped startup message). */
class FrontendParser {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;

  /** Returns the type bytes of the complete messages in `chunk`. */
  push(chunk: Buffer): string[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const types: string[] = [];
    for (;;) {
      const header = this.started ? 5 : 4;
      if (this.buffer.length < header) break;
      const length = this.started ? this.buffer.readInt32BE(1) + 1 : this.buffer.readInt32BE(0);
      if (this.buffer.length < length) break;
      if (this.started) types.push(String.fromCharCode(this.buffer[0]!));
      else this.started = true;
      this.buffer = this.buffer.subarray(length);
    }
    return types;
  }
}

/**
 * A TCP proxy in front of PostgreSQL that counts the statements and round trips the server under
 * test causes, from the wire alone: no hook in the server, whatever its driver does.
 */
export async function startWireCounter(target: {
  host: string;
  port: number;
}): Promise<WireCounter> {
  let counts: WireCounts = { statements: 0, roundTrips: 0 };
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(client).add(upstream);
    const parser = new FrontendParser();
    let answered = true;
    client.on('data', (chunk: Buffer) => {
      if (answered) counts.roundTrips += 1;
      answered = false;
      for (const type of parser.push(chunk))
        if (type === 'Q' || type === 'E') counts.statements += 1;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      answered = true;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return {
    port: address.port,
    take() {
      const taken = counts;
      counts = { statements: 0, roundTrips: 0 };
      return taken;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
