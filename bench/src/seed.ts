import { request } from 'node:http';
import { inBatches } from './stats.ts';

/** A participant as the clients need it: which session, who, and the device cookie to send. */
export interface Member {
  sessionIndex: number;
  sessionId: string;
  participantId: string;
  name: string;
  role: string;
  /** `rf_device=…`, as a browser would send it. */
  cookie: string;
}

export interface SeededSession {
  index: number;
  sessionId: string;
  joinCode: string;
  /** The facilitator first. */
  members: Member[];
}

interface HttpAnswer {
  status: number;
  body: unknown;
  cookie: string | undefined;
}

/**
 * The HTTP routes are rate-limited per client address (20 sessions and 30 joins a minute), as they
 * should be. Two thousand browsers come from many addresses; so do these requests, from the
 * loopback range (127.0.0.0/8 all reaches this machine). Each address serves at most `perAddress`
 * requests, under every limit.
 */
class LoopbackAddresses {
  private used = 0;
  private served = 0;
  constructor(private readonly perAddress: number) {}
  next(): string {
    if (this.served >= this.perAddress) {
      this.used += 1;
      this.served = 0;
    }
    this.served += 1;
    const n = this.used;
    return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
  }
}

function post(baseUrl: string, path: string, body: unknown, localAddress: string, cookie?: string) {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body);
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const setCookie = res.headers['set-cookie']?.[0]?.split(';')[0];
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), cookie: setCookie });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface MembershipBody {
  session: { id: string; joinCode?: string };
  you: { id: string; displayName: string; role: string };
}

const createAddresses = new LoopbackAddresses(15);
const joinAddresses = new LoopbackAddresses(25);

/**
 * Creates `sessions` sessions through the public HTTP API, each with a facilitator and
 * `perSession - 1` people who joined by code: exactly what browsers would do, so the data has the
 * shape the server makes, whatever its schema.
 */
export async function seedSessions(
  baseUrl: string,
  sessions: number,
  perSession: number,
  firstIndex = 0,
  /** A model from the catalog, where the protocol has models; the server's default otherwise. */
  modelId?: string,
): Promise<SeededSession[]> {
  const created = await inBatches(
    Array.from({ length: sessions }, (_, i) => firstIndex + i),
    8,
    async (index) => {
      const answer = await post(
        baseUrl,
        '/api/sessions',
        {
          title: `Bench session ${index}`,
          facilitatorName: `Facilitator ${index}`,
          ...(modelId ? { modelId } : {}),
        },
        createAddresses.next(),
      );
      const body = answer.body as MembershipBody;
      if (answer.status !== 201 || !answer.cookie || !body.session.joinCode)
        throw new Error(`creating a session failed: ${answer.status} ${JSON.stringify(body)}`);
      const session: SeededSession = {
        index,
        sessionId: body.session.id,
        joinCode: body.session.joinCode,
        members: [
          {
            sessionIndex: index,
            sessionId: body.session.id,
            participantId: body.you.id,
            name: body.you.displayName,
            role: body.you.role,
            cookie: answer.cookie,
          },
        ],
      };
      return session;
    },
  );
  await addMembers(baseUrl, created, perSession - 1);
  return created;
}

/** Joins `count` more people to each session by its code. */
export async function addMembers(
  baseUrl: string,
  sessions: readonly SeededSession[],
  count: number,
): Promise<Member[]> {
  const joins = sessions.flatMap((session) =>
    Array.from({ length: count }, (_, i) => ({ session, name: `P${session.members.length + i}` })),
  );
  const members = await inBatches(joins, 16, async ({ session, name }) => {
    const answer = await post(
      baseUrl,
      '/api/join',
      { code: session.joinCode, displayName: `${name} of ${session.index}` },
      joinAddresses.next(),
    );
    const body = answer.body as MembershipBody;
    if (answer.status !== 200 || !answer.cookie)
      throw new Error(`joining failed: ${answer.status} ${JSON.stringify(body)}`);
    const member: Member = {
      sessionIndex: session.index,
      sessionId: session.sessionId,
      participantId: body.you.id,
      name: body.you.displayName,
      role: body.you.role,
      cookie: answer.cookie,
    };
    return { session, member };
  });
  for (const { session, member } of members) session.members.push(member);
  return members.map(({ member }) => member);
}
