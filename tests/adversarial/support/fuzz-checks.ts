import { ErrorCode } from '@reflectory/shared';
import type { ArenaSession, Bystander } from './fuzz-arena.ts';
import { fingerprintDiff, type FuzzServer } from './fuzz-server.ts';
import type { AckWait, RawSocketIo } from './raw-socket-io.ts';
import {
  encodeEvent,
  expectationOf,
  refusalCodes,
  type Expectation,
  type SocketFrame,
} from './socket-frames.ts';

/** Longer than the room's 2 s store timeout: an answer later than this is a hang. */
export const answerWithinMs = 5000;

export class FuzzFailure extends Error {}

/** How frames ended, by kind: printed after a run, so that one can see what was reached. */
export const tally = new Map<string, number>();

export function count(outcome: string): void {
  tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
}

export function fail(message: string): never {
  throw new FuzzFailure(message);
}

export function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** The process runs, and has logged no error since the last check. */
export function assertAlive(server: FuzzServer): void {
  const exited = server.exited();
  if (exited) fail(`${exited}\n${server.process.output().slice(-4000)}`);
  const problems = server.newProblems();
  if (problems.length > 0) {
    fail(`the server logged:\n${problems.map((line) => line.slice(0, 1500)).join('\n')}`);
  }
}

/**
 * After a command that may have changed the session, waits until nothing is left to happen on its
 * own: the bystander resets the timer (an expiry would be a write of its own), and anonymous
 * notes held for their batch are released. Also proves the session still serves its people.
 */
export async function settle(server: FuzzServer, session: ArenaSession): Promise<void> {
  await expectWorking(session.bystander);
  const deadline = Date.now() + 10_000;
  while ((await server.heldFor(session.sessionId)) > 0) {
    if (Date.now() > deadline) fail('held anonymous notes were not released within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function expectWorking(bystander: Bystander): Promise<void> {
  let result: unknown;
  try {
    result = await bystander.resetTimer();
  } catch (error) {
    fail(`${bystander.name}'s command got no answer: ${String(error)}`);
  }
  if (brief(result) !== brief({ ok: true, data: {} })) {
    fail(`${bystander.name}'s command was answered ${brief(result)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isFailure(
  value: unknown,
): value is { ok: false; error: { code: string; message: string } } {
  return (
    isRecord(value) &&
    value.ok === false &&
    isRecord(value.error) &&
    typeof value.error.code === 'string' &&
    typeof value.error.message === 'string'
  );
}

function outcomeOf(expectation: Expectation, answer: AckWait): string {
  if (answer.kind !== 'ack') return `${answer.kind}`;
  const kind = expectation.answer === 'ack' && expectation.command ? 'command' : expectation.answer;
  const result = answer.args[0];
  if (isFailure(result)) return `${kind} refused: ${result.error.code}`;
  if (isRecord(result) && result.ok === false) return `${kind} refused: ${String(result.code)}`;
  if (isRecord(result) && result.ok === true) return `${kind} accepted`;
  return `${kind} answered`;
}

/**
 * Checks an ack against the server's rules and says whether the frame may have written: only a
 * command the server accepted (or could not say it refused) may.
 */
function judgeAck(
  expectation: Expectation,
  answer: AckWait,
  view: readonly unknown[] | undefined,
): boolean {
  if (answer.kind === 'timeout') fail(`no answer within ${answerWithinMs} ms (a hang)`);
  count(outcomeOf(expectation, answer));
  // Socket.IO refused the packet by closing the connection, before any of our code saw it.
  if (answer.kind === 'closed') {
    return expectation.answer === 'ack' && expectation.valid === true;
  }
  const [result, ...rest] = answer.args;
  if (rest.length > 0) fail(`an ack with ${answer.args.length} arguments: ${brief(answer.args)}`);
  if (expectation.answer === 'board') {
    if (isRecord(result) && result.ok === true) return false;
    // 4400: not this session's board; 1000: superseded; 1013: over the person's budget of opens.
    if (
      isRecord(result) &&
      result.ok === false &&
      (result.code === 4400 || result.code === 1000 || result.code === 1013)
    ) {
      return false;
    }
    return fail(`yjs:open was answered ${brief(result)}`);
  }
  if (view?.[0] === 'time:sync') {
    if (isRecord(result) && typeof result.serverNow === 'number') return false;
    return fail(`time:sync was answered ${brief(result)}`);
  }
  if (expectation.answer === 'ack' && expectation.command) {
    if (isRecord(result) && result.ok === true && isRecord(result.data)) {
      if (!expectation.valid) fail(`accepted a payload its schema refuses: ${brief(result)}`);
      return true;
    }
    if (!isFailure(result)) return fail(`a malformed ack: ${brief(result)}`);
    const code = result.error.code;
    if (code === ErrorCode.unavailable && expectation.valid) return true;
    if (!refusalCodes.has(code)) fail(`refused with ${code}: ${result.error.message}`);
    if (!expectation.valid && code !== ErrorCode.invalidRequest && code !== ErrorCode.rateLimited) {
      fail(`an invalid payload was refused with ${code} rather than as invalid`);
    }
    return false;
  }
  if (!isFailure(result) || result.error.code !== ErrorCode.invalidRequest) {
    return fail(`an unknown event was answered ${brief(result)}`);
  }
  return false;
}

export interface FrameHooks {
  /** Readies the connection before the frame (opens the board, say). */
  prepare?: (socket: RawSocketIo) => Promise<void>;
  /** Checks the events the server sent while it handled the frame. */
  check?: (events: ReadonlyArray<{ name: string; args: unknown[] }>) => void;
}

/**
 * Sends one frame on one of the attacker's connections in `session` and checks what followed:
 * the process lives; every ack the server owes comes within the time, in the ack's shape, and
 * accepts only what the command's schema accepts; no ack comes where none is owed; and a frame
 * that was refused wrote nothing at all to the store. A frame that was accepted is followed by
 * `settle`, which also proves the session's bystander is still served.
 */
export async function attackWith(
  server: FuzzServer,
  session: ArenaSession,
  frame: SocketFrame,
  hooks: FrameHooks = {},
): Promise<{ socket: RawSocketIo; accepted: boolean }> {
  try {
    return await sendAndJudge(server, session, frame, hooks);
  } catch (error) {
    if (error instanceof FuzzFailure) fail(`in ${session.label}: ${error.message}`);
    throw error;
  }
}

async function sendAndJudge(
  server: FuzzServer,
  session: ArenaSession,
  frame: SocketFrame,
  hooks: FrameHooks,
): Promise<{ socket: RawSocketIo; accepted: boolean }> {
  assertAlive(server);
  let expectation: Expectation = { answer: 'none' };
  if (frame.kind === 'event') expectation = expectationOf(encodeEvent(frame, 1).view, frame.ack);
  const socket = await session.sockets.next(expectation.answer === 'ack' && !!expectation.command);
  await hooks.prepare?.(socket);
  const eventsBefore = socket.events.length;
  const before = await server.fingerprint();
  let mayHaveWritten = false;

  if (frame.kind === 'event') {
    const ackId = frame.ack ? socket.ackId() : undefined;
    const { messages, view } = encodeEvent(frame, ackId);
    const answer =
      ackId !== undefined && expectation.answer !== 'none' && expectation.answer !== 'unknown'
        ? socket.waitForAck(ackId, answerWithinMs)
        : undefined;
    socket.write(messages);
    if (answer) {
      mayHaveWritten = judgeAck(expectation, await answer, view);
    } else {
      const barrier = await socket.barrier(answerWithinMs);
      count(`no answer owed (${expectation.answer}): ${barrier.kind}`);
      if (barrier.kind === 'timeout') fail('the connection stopped answering (a hang)');
      if (expectation.answer === 'none' && ackId !== undefined && socket.answered.has(ackId)) {
        fail('an ack came for an event the server should have refused without one');
      }
    }
  } else {
    if (frame.kind === 'packets') socket.write(frame.messages);
    else socket.writeEngineFrame(frame.frame);
    const barrier = await socket.barrier(answerWithinMs);
    count(`${frame.kind}: ${barrier.kind}`);
    if (barrier.kind === 'timeout') fail('the connection stopped answering (a hang)');
  }

  assertAlive(server);
  hooks.check?.(socket.events.slice(eventsBefore));
  if (mayHaveWritten) {
    await settle(server, session);
  } else {
    const changed = fingerprintDiff(before, await server.fingerprint());
    if (changed.length > 0) fail(`a refused frame wrote to the store: ${changed.join('; ')}`);
  }
  return { socket, accepted: mayHaveWritten };
}
