import { commandSchemas, type CommandName } from '@reflectory/shared';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeWith, realPostgres, testDatabaseUrl } from '../support/suites.ts';
import { assertAlive, attackWith, expectWorking, tally } from './support/fuzz-checks.ts';
import {
  PollingSession,
  attackHandshake,
  attackPolling,
  handshakeFrame,
  pollingPayload,
} from './support/fuzz-transports.ts';
import { buildArena, closeArena, type Arena, type ArenaSession } from './support/fuzz-arena.ts';
import {
  DocSockets,
  attackDocSocket,
  carriageFrame,
  carriageHooks,
  docFrame,
} from './support/fuzz-board.ts';
import {
  attackHttp,
  attackUpgrade,
  upgradeRequest,
  useLoopbacks,
  webSocketFrames,
} from './support/fuzz-http.ts';
import { FuzzServer } from './support/fuzz-server.ts';
import { httpRequest } from './support/http-requests.ts';
import { standardHeaders } from './support/raw-websocket.ts';
import {
  anyCommandFrame,
  anyEventFrame,
  encodeEvent,
  engineFrame,
  oddPacketFrame,
  type CommandFrame,
  type SocketFrame,
} from './support/socket-frames.ts';

/**
 * [Invariant 6] Bad input never takes the server down, proven by fuzzing: seeded random and
 * near-valid input on every inbound path of a real server process, over real sockets. After every
 * frame the process lives, a refused frame has written nothing to the store, and now and then
 * people in the attacked session and in another one have their commands answered as usual.
 *
 * FUZZ_SEED replays a run (the seed is printed); FUZZ_SCALE multiplies the number of runs;
 * FUZZ_REPORT=1 prints how the frames ended (accepted, refused by code, closed …). It needs
 * TEST_DATABASE_URL: the store is read while the server runs, which embedded PGlite cannot share.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261203);
const scale = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (count: number) => Math.max(1, Math.round(count * scale));
/** Bystanders are checked every this many frames, and after each test. */
const checkEvery = 25;

/** Shown in place of a frame in fast-check's report, so a 60 KB string does not fill the log. */
function summarized<T extends { what: string }>(frame: T): T {
  return Object.assign(frame, {
    [fc.toStringMethod]: () => {
      const text = JSON.stringify(frame, (_key, value: unknown) =>
        value instanceof Uint8Array ? `<${value.length} bytes>` : value,
      );
      return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
    },
  });
}

describeWith('fuzz: hostile input on every inbound path', realPostgres, () => {
  let server: FuzzServer;
  let arena: Arena;
  let frames = 0;

  const sessions = () => [arena.own, arena.joined];

  async function bystandersWork(): Promise<void> {
    assertAlive(server);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    await expectWorking(arena.elsewhere);
    for (const session of sessions()) await expectWorking(session.bystander);
  }

  async function counted(): Promise<void> {
    frames += 1;
    if (frames % checkEvery === 0) await bystandersWork();
  }

  const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>) =>
    fc.asyncProperty(arbitrary, async (value) => {
      await check(value);
      await counted();
    });

  const options = (numRuns: number) => ({ seed, numRuns: runs(numRuns), endOnFailure: true });

  beforeAll(async () => {
    // eslint-disable-next-line no-console -- the seed is what a failure is replayed with
    console.log(`fuzz seed ${seed} (FUZZ_SEED=${seed} replays it), scale ${scale}`);
    server = await FuzzServer.start(testDatabaseUrl ?? '');
    await useLoopbacks(server.port);
    arena = await buildArena(server);
  });

  afterEach(async () => {
    await bystandersWork();
    expect(server.problems()).toEqual([]);
  });

  afterAll(async () => {
    if (process.env.FUZZ_REPORT === '1') {
      // eslint-disable-next-line no-console -- asked for: how the frames ended, to see the reach
      console.log(
        [...tally]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([outcome, n]) => `${n}\t${outcome}`)
          .join('\n'),
      );
    }
    closeArena(arena);
    await server?.stop();
  });

  const inSession = fc.constantFrom<'own' | 'joined'>('own', 'joined');

  /**
   * Found by this suite (seed 20261203): a note whose text held U+0000 was accepted by its schema
   * and its rules, then failed in the store (PostgreSQL holds no U+0000, and jsonb no half of a
   * surrogate pair): the command was answered "unavailable", an error was logged, and the room
   * reloaded, closing every replica in the session. Now refused as invalid when it is parsed.
   */
  const foundCommands: Array<{ which: 'own' | 'joined'; frame: CommandFrame }> = [
    ['note:add', { areaId: 'so-what', text: '0K3AE=d"U\'\ufeff\u0000h/b**(SX' }],
    ['note:add', { areaId: 'so-what', text: 'x\ud800y' }],
  ].map(([name, body]) => ({
    which: 'joined' as const,
    frame: summarized({
      kind: 'event' as const,
      what: `${String(name)} with text the store cannot hold`,
      mutation: 'odd text' as const,
      name: name as CommandName,
      args: [{ commandId: '025aa0e9-9f9f-47eb-9f00-04d982f8ddd3', ...(body as object) }],
      ack: true,
    }),
  }));
  const sessionOf = (which: 'own' | 'joined'): ArenaSession => arena[which];

  it('[S1] every command, with payloads made from its schema and one thing wrong', async () => {
    const frame = inSession.chain((which) =>
      anyCommandFrame(
        (name) => sessionOf(which).hints(name),
        (name) => sessionOf(which).good(name),
      ).map((command) => ({
        which,
        frame: summarized(command),
      })),
    );
    await fc.assert(
      property(frame, async ({ which, frame: command }) => {
        // Closing the session the attacker runs would end the run, not test anything.
        if (
          which === 'own' &&
          command.name === 'session:close' &&
          commandSchemas['session:close'].safeParse(encodeEvent(command, 1).view?.[1]).success
        ) {
          return;
        }
        await attackWith(server, sessionOf(which), command);
      }),
      { ...options(261), examples: foundCommands.map((example) => [example] as [typeof example]) },
    );
  }, 120_000);

  it('[S1] events of any name and arguments, stray acks, odd packets and Engine.IO frames', async () => {
    const frame = fc.record({
      which: inSession,
      frame: fc
        .oneof(
          { weight: 4, arbitrary: anyEventFrame },
          { weight: 3, arbitrary: oddPacketFrame },
          { weight: 1, arbitrary: engineFrame },
        )
        .map((one: SocketFrame) => summarized(one)),
    });
    await fc.assert(
      property(frame, async ({ which, frame: one }) => {
        await attackWith(server, sessionOf(which), one);
      }),
      options(100),
    );
  }, 120_000);

  it('[S1] Socket.IO handshakes with any auth, cookie and query', async () => {
    const ids = [arena.own.sessionId, arena.joined.sessionId];
    await fc.assert(
      property(handshakeFrame(ids, arena.attackerCookie).map(summarized), (handshake) =>
        attackHandshake(server, handshake, arena.attackerCookie, ids),
      ),
      options(40),
    );
  }, 120_000);

  it('[S1] Socket.IO over HTTP long-polling: the same packets on the other transport', async () => {
    const polling = new PollingSession(
      server.baseUrl,
      arena.attackerCookie,
      arena.joined.sessionId,
    );
    const packet = fc
      .oneof(anyEventFrame, oddPacketFrame)
      .map((frame) =>
        frame.kind === 'event'
          ? (encodeEvent(frame, 7).messages.find((message) => typeof message === 'string') ?? '')
          : frame.kind === 'packets'
            ? frame.messages.filter((message) => typeof message === 'string').join('')
            : '',
      );
    await fc.assert(
      property(pollingPayload(packet).map(summarized), (payload) =>
        attackPolling(server, polling, payload),
      ),
      options(40),
    );
  }, 120_000);

  it('[S1] the board carried over Socket.IO: yjs:open, yjs and yjs:close with any arguments and bytes', async () => {
    const frame = fc.record({
      which: inSession,
      frame: carriageFrame([arena.own.sessionId, arena.joined.sessionId]).map(summarized),
    });
    await fc.assert(
      property(frame, async ({ which, frame: one }) => {
        const session = sessionOf(which);
        await attackWith(server, session, one, carriageHooks(session, one));
      }),
      options(90),
    );
  }, 120_000);

  it('[S1] the document endpoint /yjs/<doc>: y-websocket bytes, text frames, oversized frames', async () => {
    const sockets = new DocSockets(
      `${server.baseUrl.replace(/^http/, 'ws')}/yjs/session/${arena.own.sessionId}/board`,
      arena.attackerCookie,
    );
    try {
      await fc.assert(
        property(docFrame.map(summarized), (frame) => attackDocSocket(server, sockets, frame)),
        options(50),
      );
    } finally {
      sockets.close();
    }
  }, 120_000);

  it('[S1] WebSocket handshakes of any path, query and headers, and frames that break the protocol', async () => {
    const board = `/yjs/session/${arena.own.sessionId}/board`;
    const accepted = {
      what: 'the board',
      target: board,
      headers: standardHeaders(arena.attackerCookie),
    };
    const attempt = fc.oneof(
      upgradeRequest(arena.own.sessionId, arena.attackerCookie).map((upgrade) => ({
        upgrade,
        frames: [] as Buffer[],
      })),
      webSocketFrames().map(({ what, bytes }) => ({
        upgrade: { ...accepted, what, headers: standardHeaders(arena.attackerCookie) },
        frames: bytes,
      })),
    );
    await fc.assert(
      property(
        attempt.map((one) => summarized({ what: one.upgrade.what, ...one })),
        ({ upgrade, frames }) => attackUpgrade(server, upgrade, frames),
      ),
      options(50),
    );
  }, 120_000);

  it('[S1] HTTP: every route with near-valid and random bodies, odd paths, content types and headers', async () => {
    const hints = { code: fc.constant(arena.http.joinCode) };
    // Found by this suite (seed 20261203): a date-time that zod accepts but PostgreSQL cannot
    // store (year 10000 once its offset is applied, or year 0) failed the insert with a 500.
    const foundRequests = ['9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00Z'].map(
      (scheduledFor) =>
        summarized({
          what: `a team session scheduled for ${scheduledFor}`,
          route: 'POST /api/teams/:teamId/sessions (body)',
          change: 'body' as const,
          method: 'POST',
          target: `/api/teams/${arena.http.teamId}/sessions`,
          headers: [
            ['Cookie', arena.http.cookie],
            ['Content-Type', 'application/json'],
          ] as Array<[string, string]>,
          body: JSON.stringify({ title: 'Planned', scheduledFor }),
        }),
    );
    await fc.assert(
      property(
        httpRequest(arena.http, hints).map((request) =>
          summarized({ what: request.route, ...request }),
        ),
        (request) => attackHttp(server, request),
      ),
      { ...options(140), examples: foundRequests.map((request) => [request] as [typeof request]) },
    );
  }, 120_000);
});
