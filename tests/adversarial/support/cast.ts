import { boardDocName } from '@reflectory/shared';
import { TestBrowser } from '../../support/live-client.ts';
import { RawCarriedBoard, RawDocSocket, type RawBoard } from './raw-doc-socket.ts';
import { SpySocket } from './spy-socket.ts';

/** Someone in the session, with the device cookie their browser holds. */
export interface Member {
  name: string;
  id: string;
  browser: TestBrowser;
  cookie: string;
}

export interface Cast {
  sessionId: string;
  joinCode: string;
  facilitator: Member;
  members: Member[];
  /** The facilitator or a member by name; throws if there is none. */
  get(name: string): Member;
}

/** A session made by `facilitatorName` over HTTP, joined by each of `names` from its own browser. */
export async function castSession(
  baseUrl: string,
  facilitatorName: string,
  names: readonly string[],
  modelId?: string,
): Promise<Cast> {
  const host = new TestBrowser(baseUrl);
  const created = await host.request<{
    session: { id: string; joinCode: string };
    you: { id: string };
  }>('POST', '/api/sessions', {
    title: 'Adversarial supervision',
    facilitatorName,
    ...(modelId ? { modelId } : {}),
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
  const { id: sessionId, joinCode } = created.body.session;
  const facilitator: Member = {
    name: facilitatorName,
    id: created.body.you.id,
    browser: host,
    cookie: host.cookie ?? '',
  };
  const members: Member[] = [];
  for (const name of names) {
    const browser = new TestBrowser(baseUrl);
    const membership = await browser.join(joinCode, name);
    members.push({ name, id: membership.you.id, browser, cookie: browser.cookie ?? '' });
  }
  const everyone = [facilitator, ...members];
  return {
    sessionId,
    joinCode,
    facilitator,
    members,
    get(name) {
      const found = everyone.find((member) => member.name === name);
      if (!found) throw new Error(`nobody called ${name}`);
      return found;
    },
  };
}

export function docUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/yjs/${path}`;
}

export function boardUrl(baseUrl: string, sessionId: string): string {
  return docUrl(baseUrl, boardDocName(sessionId));
}

/** A raw Socket.IO connection as `member`, connected. */
export async function spyAs(baseUrl: string, sessionId: string, member: Member) {
  const spy = new SpySocket(baseUrl, sessionId, member.cookie);
  await spy.connected();
  return spy;
}

/** A raw board connection as `member`, synced. */
export async function boardAs(baseUrl: string, sessionId: string, member: Member) {
  const socket = await RawDocSocket.open(boardUrl(baseUrl, sessionId), { cookie: member.cookie });
  await socket.sync();
  return socket;
}

/** The board as `member` over the Socket.IO command connection (as the browser holds it), synced. */
export async function carriedBoardAs(baseUrl: string, sessionId: string, member: Member) {
  const board = await RawCarriedBoard.open(
    baseUrl,
    sessionId,
    member.cookie,
    boardDocName(sessionId),
  );
  await board.sync();
  return board;
}

/** How a participant holds the board: a raw /yjs/ WebSocket, or carried over Socket.IO. */
export const carriers = {
  'raw ws': boardAs,
  'Socket.IO carriage': carriedBoardAs,
} satisfies Record<
  string,
  (baseUrl: string, sessionId: string, member: Member) => Promise<RawBoard>
>;
export type Carrier = keyof typeof carriers;

/** Closes everything registered, whatever state it is in. */
export class Closer {
  private readonly items: Array<{ close(): void }> = [];
  add<T extends { close(): void }>(item: T): T {
    this.items.push(item);
    return item;
  }
  closeAll(): void {
    for (const item of this.items.splice(0)) {
      try {
        item.close();
      } catch {
        // Already closed.
      }
    }
  }
}
