import type { Ack, CommandName, Membership } from '@reflectory/shared';
import fc from 'fast-check';
import { TestBrowser, type LiveConnection } from '../../support/live-client.ts';
import { signUp } from '../../support/team-client.ts';
import { ok, prepareBoard } from './board-setup.ts';
import { castSession } from './cast.ts';
import { payloadFor, type PayloadTargets } from './command-payloads.ts';
import type { FuzzServer } from './fuzz-server.ts';
import type { HttpTargets } from './http-requests.ts';
import { RawSocketIo } from './raw-socket-io.ts';
import type { FieldHints } from './schema-payloads.ts';

/** A client-side token bucket, so that a well-behaved sender stays under the server's limit. */
export class Pacer {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(
        this.burst,
        this.tokens + ((now - this.last) / 1000) * this.ratePerSecond,
      );
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000)),
      );
    }
  }
}

/** The server allows 20 commands a second with bursts of 40 per connection; stay well inside. */
const pace = () => new Pacer(15, 30);

/** Someone going about their business, whose commands must keep working whatever others send. */
export class Bystander {
  private readonly pacer = pace();

  constructor(
    readonly name: string,
    readonly live: LiveConnection,
  ) {}

  /** A command that succeeds in any state of an open session, for a facilitator. */
  async resetTimer(): Promise<Ack<unknown>> {
    await this.pacer.take();
    return this.live.command('timer:reset', {}, 5000);
  }
}

/** A hostile participant's Socket.IO connections in one session, reopened when the server closes one. */
export class AttackerSockets {
  private readonly sockets: Array<{ socket: RawSocketIo | undefined; pacer: Pacer }>;
  private turn = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    readonly sessionId: string,
    count: number,
  ) {
    this.sockets = Array.from({ length: count }, () => ({ socket: undefined, pacer: pace() }));
  }

  /**
   * An open connection, taking turns. `command`: the frame will reach the server's rate limiter,
   * so the pick waits for that connection's pacer.
   */
  async next(command: boolean): Promise<RawSocketIo> {
    this.turn = (this.turn + 1) % this.sockets.length;
    const slot = this.sockets[this.turn];
    if (!slot) throw new Error('no attacker socket');
    if (!slot.socket?.connected) {
      slot.socket?.close();
      slot.socket = await RawSocketIo.connect(this.baseUrl, this.cookie, this.sessionId);
    }
    if (command) await slot.pacer.take();
    return slot.socket;
  }

  close(): void {
    for (const slot of this.sockets) slot.socket?.close();
  }
}

/**
 * Where the attacks land: a team session the attacker runs (own; its team's earlier session left
 * an action to review, so the team paths are reached too), a standalone session where the
 * attacker is a plain participant (joined), and a session the attacker has nothing to do with.
 * Each has a facilitating bystander: Bob (made co-facilitator of own), Grace and Heidi.
 */
export interface Arena {
  /** The attacker's device and sign-in cookies. */
  attackerCookie: string;
  /** The attacker facilitates it; Sam is there to be promoted and removed. */
  own: ArenaSession;
  /** The attacker is a participant. */
  joined: ArenaSession;
  /** A session with no attacker in it. */
  elsewhere: Bystander;
  http: HttpTargets;
  /** Every live connection made here, closed by `closeArena`. */
  lives: LiveConnection[];
}

export interface ArenaSession {
  label: string;
  sessionId: string;
  /** A facilitating bystander in the session: the fence after accepted commands. */
  bystander: Bystander;
  hints: (name: CommandName) => FieldHints;
  /** Payloads aimed at what exists in the session, that a facilitator's command would succeed with. */
  good: (name: CommandName) => fc.Arbitrary<unknown>;
  sockets: AttackerSockets;
}

const stepIds = [
  'lobby',
  'previous-actions',
  'check-in',
  'agreement',
  'what',
  'so-what',
  'now-what',
  'actions',
  'check-out',
  'x',
];

type BoardTargets = Omit<PayloadTargets, 'roleTargetId' | 'removeTargetId'>;

function goodFor(targets: PayloadTargets, previousActionId?: string) {
  return (name: CommandName) =>
    fc.uuid().map((commandId) => ({
      ...payloadFor(
        name,
        name === 'previous:review' && previousActionId
          ? { ...targets, actionId: previousActionId }
          : targets,
      ),
      commandId,
    }));
}

function hintsFor(targets: BoardTargets, people: string[], actions: string[]) {
  const hints: FieldHints = {
    noteId: fc.oneof(fc.constant(targets.noteId), fc.uuid()),
    groupId: fc.oneof(fc.constant(targets.groupId), fc.uuid(), fc.constant(null)),
    actionId: fc.oneof(fc.constantFrom(...actions), fc.uuid()),
    participantId: fc.oneof(fc.constantFrom(...people), fc.uuid(), fc.constant(null)),
    stepId: fc.oneof(
      { weight: 3, arbitrary: fc.constant(targets.stepId) },
      fc.constantFrom(...stepIds),
    ),
    areaId: fc.oneof(
      { weight: 3, arbitrary: fc.constant(targets.stepId) },
      fc.constantFrom(...stepIds),
    ),
    stepIndex: fc.oneof(fc.constant(targets.otherStepIndex), fc.integer({ min: 0, max: 12 })),
  };
  return () => hints;
}

/** A team of the attacker's, and an action its closed first session left open. */
async function attackersTeam(baseUrl: string, lives: LiveConnection[]) {
  const mallory = await signUp(baseUrl, 'Mallory');
  const team = await mallory.request<{ teams: Array<{ id: string }> }>('POST', '/api/teams', {
    name: 'Mallory’s team',
  });
  const teamId = team.body.teams[0]?.id;
  if (team.status !== 201 || !teamId) throw new Error(`team creation failed: ${team.status}`);
  const start = async (title: string) => {
    const created = await mallory.request<Membership>('POST', `/api/teams/${teamId}/sessions`, {
      title,
      facilitatorName: 'Mallory',
    });
    if (created.status !== 201) throw new Error(`team session failed: ${created.status}`);
    return created.body.session;
  };
  const first = await start('Before');
  const earlier = mallory.connect(first.id);
  lives.push(earlier);
  await earlier.waitUntilSynced();
  await earlier.goTo('actions');
  const { actionId } = ok(
    await earlier.command('action:add', {
      text: 'Carried over',
      owner: { kind: 'team', participantId: null },
      due: null,
    }),
  );
  ok(await earlier.command('session:close', {}));
  earlier.close();
  const own = await start('Mallory’s session');
  return { mallory, session: own, previousActionId: actionId };
}

/** Creates the sessions and people over HTTP, well inside the per-IP limits. */
export async function buildArena(server: FuzzServer): Promise<Arena> {
  const baseUrl = server.baseUrl;
  const lives: LiveConnection[] = [];
  const live = (browser: { connect(sessionId: string): LiveConnection }, sessionId: string) => {
    const connection = browser.connect(sessionId);
    lives.push(connection);
    return connection;
  };

  const { mallory, session: own, previousActionId } = await attackersTeam(baseUrl, lives);
  const bob = new TestBrowser(baseUrl);
  const bobId = (await bob.join(own.joinCode ?? '', 'Bob')).you.id;
  const samId = (await new TestBrowser(baseUrl).join(own.joinCode ?? '', 'Sam')).you.id;
  const malloryOwn = live(mallory, own.id);
  const bobLive = live(bob, own.id);
  await Promise.all([malloryOwn.waitUntilSynced(), bobLive.waitUntilSynced()]);
  const ownTargets = await prepareBoard(malloryOwn, bobLive);
  ok(await malloryOwn.command('role:set', { participantId: bobId, role: 'co-facilitator' }));

  const joined = await castSession(baseUrl, 'Grace', []);
  const grace = joined.facilitator;
  const malloryJoined = await mallory.request<Membership>('POST', '/api/join', {
    code: joined.joinCode,
    displayName: 'Mallory',
  });
  const graceLive = live(grace.browser, joined.sessionId);
  const malloryInJoined = live(mallory, joined.sessionId);
  await Promise.all([graceLive.waitUntilSynced(), malloryInJoined.waitUntilSynced()]);
  const joinedTargets = await prepareBoard(graceLive, malloryInJoined);

  const elsewhere = await castSession(baseUrl, 'Heidi', []);
  const heidiLive = live(elsewhere.facilitator.browser, elsewhere.sessionId);
  await heidiLive.waitUntilSynced();
  malloryOwn.close();
  malloryInJoined.close();

  const eve = await signUp(baseUrl, 'Eve');
  const eveTeam = await eve.request<{ teams: Array<{ id: string }> }>('POST', '/api/teams', {
    name: 'Eve’s team',
  });
  const eveTeamId = eveTeam.body.teams[0]?.id;
  if (eveTeam.status !== 201 || !eveTeamId) throw new Error(`team failed: ${eveTeam.status}`);

  const attackerCookie = mallory.cookie;
  return {
    attackerCookie,
    own: {
      label: 'the team session the attacker runs',
      sessionId: own.id,
      bystander: new Bystander('Bob', bobLive),
      // Bob and Mallory herself are left out: removing either would end the run, not test it.
      hints: hintsFor(ownTargets, [samId], [ownTargets.actionId, previousActionId]),
      good: goodFor(
        { ...ownTargets, roleTargetId: samId, removeTargetId: samId },
        previousActionId,
      ),
      sockets: new AttackerSockets(baseUrl, attackerCookie, own.id, 2),
    },
    joined: {
      label: 'the session the attacker joined',
      sessionId: joined.sessionId,
      bystander: new Bystander('Grace', graceLive),
      hints: hintsFor(
        joinedTargets,
        [grace.id, malloryJoined.body.you.id],
        [joinedTargets.actionId],
      ),
      good: goodFor({ ...joinedTargets, roleTargetId: grace.id, removeTargetId: grace.id }),
      sockets: new AttackerSockets(baseUrl, attackerCookie, joined.sessionId, 2),
    },
    elsewhere: new Bystander('Heidi', heidiLive),
    http: {
      sessionId: joined.sessionId,
      joinCode: joined.joinCode,
      teamId: eveTeamId,
      userId: eve.userId,
      cookie: eve.cookie,
      origin: baseUrl,
    },
    lives,
  };
}

export function closeArena(arena: Arena | undefined): void {
  if (!arena) return;
  arena.own.sockets.close();
  arena.joined.sockets.close();
  for (const live of arena.lives) live.close();
}
