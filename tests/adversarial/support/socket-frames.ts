import { ErrorCode, commandSchemas, type CommandName } from '@reflectory/shared';
import fc from 'fast-check';
import {
  JsonText,
  binaryBlob,
  hostileJson,
  hostileString,
  hostileValue,
  specialKeys,
  writeJson,
} from './hostile-values.ts';
import type { EngineMessage } from './raw-socket-io.ts';
import { payloadOf, type FieldHints, type Mutation } from './schema-payloads.ts';

/**
 * What a hostile participant writes on a Socket.IO connection, one frame at a time:
 * - `event`: a Socket.IO EVENT (or BINARY_EVENT when its arguments hold bytes) with any name and
 *   any arguments, asking for an ack or not;
 * - `packets`: hand-made Socket.IO packets: acks for requests the server never made, connects to
 *   other namespaces, attachments that do not match, text that is no packet at all;
 * - `engine`: Engine.IO frames below Socket.IO (a ping, an upgrade, an unknown packet type).
 */
export type SocketFrame =
  | { kind: 'event'; what: string; name: unknown; args: unknown[]; ack: boolean }
  | { kind: 'packets'; what: string; messages: EngineMessage[] }
  | { kind: 'engine'; what: string; frame: EngineMessage };

export interface EncodedEvent {
  messages: EngineMessage[];
  /**
   * The event as the server decodes it: [name, ...args], attachments in place; undefined when it
   * is too deep to put them in place (socket.io-parser then fails as well, and closes).
   */
  view: unknown[] | undefined;
}

/** Encodes an event as socket.io-parser would, but without its checks. */
export function encodeEvent(
  frame: Extract<SocketFrame, { kind: 'event' }>,
  ackId: number | undefined,
): EncodedEvent {
  const attachments: Uint8Array[] = [];
  const json = writeJson([frame.name, ...frame.args], (bytes) => {
    attachments.push(bytes);
    return { _placeholder: true, num: attachments.length - 1 };
  });
  const id = ackId === undefined ? '' : String(ackId);
  const header = attachments.length === 0 ? `2${id}${json}` : `5${attachments.length}-${id}${json}`;
  const parsed = JSON.parse(json) as unknown[];
  return { messages: [header, ...attachments], view: withAttachments(parsed, attachments) };
}

function withAttachments(
  value: unknown[],
  attachments: readonly Uint8Array[],
): unknown[] | undefined {
  if (attachments.length === 0) return value;
  const place = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(place);
    if (item !== null && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (record._placeholder === true && typeof record.num === 'number') {
        return attachments[record.num];
      }
      for (const key of Object.keys(record)) record[key] = place(record[key]);
    }
    return item;
  };
  try {
    return value.map(place);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

const commandNames = Object.keys(commandSchemas) as CommandName[];

export function isCommand(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commandSchemas, name);
}

/** How the arguments of a command event are laid out. */
const layouts = [
  'payload, ack',
  'payload, ack',
  'payload, ack',
  'payload, ack',
  'payload, ack',
  'payload, ack',
  'payload, no ack',
  'payload and an extra argument, ack',
  'no payload, ack',
  'a field as bytes, ack',
  'bytes as the payload, ack',
] as const;

function laidOut(
  layout: (typeof layouts)[number],
  payload: unknown,
  extra: unknown,
  bytes: Uint8Array,
): { args: unknown[]; ack: boolean } {
  switch (layout) {
    case 'payload, ack':
      return { args: [payload], ack: true };
    case 'payload, no ack':
      return { args: [payload], ack: false };
    case 'payload and an extra argument, ack':
      return { args: [payload, extra], ack: true };
    case 'no payload, ack':
      return { args: [], ack: true };
    case 'a field as bytes, ack': {
      const object = payload !== null && typeof payload === 'object' ? payload : {};
      const keys = Object.keys(object);
      const key = keys[bytes.length % Math.max(keys.length, 1)] ?? 'text';
      return { args: [{ ...object, [key]: bytes }], ack: true };
    }
    case 'bytes as the payload, ack':
      return { args: [bytes], ack: true };
  }
}

export type CommandFrame = Extract<SocketFrame, { kind: 'event' }> & { mutation: Mutation };

/** A frame for one command: a payload made from its schema, laid out in one of several ways. */
export function commandFrame(
  name: CommandName,
  hints: FieldHints,
  good?: fc.Arbitrary<unknown>,
): fc.Arbitrary<CommandFrame> {
  return fc
    .record({
      body: payloadOf(commandSchemas[name], hints, good),
      layout: fc.constantFrom(...layouts),
      extra: hostileJson,
      bytes: fc.uint8Array({ maxLength: 32 }),
    })
    .map(({ body, layout, extra, bytes }) => ({
      kind: 'event' as const,
      what: `${name} (${body.mutation}; ${layout})`,
      mutation: body.mutation,
      name,
      ...laidOut(layout, body.payload, extra, bytes),
    }));
}

/** Every command, in turn, so that each gets its share of runs. */
export function anyCommandFrame(
  hintsFor: (name: CommandName) => FieldHints,
  goodFor: (name: CommandName) => fc.Arbitrary<unknown>,
) {
  return fc.oneof(...commandNames.map((name) => commandFrame(name, hintsFor(name), goodFor(name))));
}

/** Names near real ones, and names that mean something to JavaScript or Socket.IO. */
const eventNameLike = fc.oneof(
  fc.constantFrom(
    ...commandNames.map((name) => name.toUpperCase()),
    ...commandNames.map((name) => `${name} `),
    ...commandNames.map((name) => name.replace(':', '')),
    ...specialKeys,
    'time:sync',
    'yjs',
    'yjs:open',
    'yjs:close',
    'view:private',
    'connection:refused',
    'connect',
    'disconnect',
    'disconnecting',
    'newListener',
    'removeListener',
    'error',
  ),
  hostileString,
);

/** Event names of every JSON type: most are strings, the rest are what a hostile client tries. */
const anyEventName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: eventNameLike },
  {
    weight: 2,
    arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  },
  { weight: 1, arbitrary: hostileJson },
  { weight: 1, arbitrary: fc.constant(new JsonText('[[[[[[[[]]]]]]]]')) },
);

/** Events of any name with arguments of any type and number, some of them bytes. */
export const anyEventFrame: fc.Arbitrary<SocketFrame> = fc
  .record({
    name: anyEventName,
    args: fc.array(
      fc.oneof({ weight: 5, arbitrary: hostileValue }, { weight: 1, arbitrary: binaryBlob }),
      {
        maxLength: 4,
      },
    ),
    ack: fc.boolean(),
  })
  .map(({ name, args, ack }) => ({
    kind: 'event' as const,
    what: `event named ${typeof name === 'string' ? JSON.stringify(name.slice(0, 40)) : typeof name}`,
    name,
    args,
    ack,
  }));

const jsonText = (value: unknown) => writeJson(value, () => null);

/** Hand-made Socket.IO packets that are not plain events. */
export const oddPacketFrame: fc.Arbitrary<SocketFrame> = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.nat(), fc.constantFrom('99999999999999999999999', '0', '-1', '1.5')),
      hostileJson,
    )
    .map(([id, value]) => ({
      kind: 'packets' as const,
      what: `an ack for id ${id} that the server never asked for`,
      messages: [`3${id}${jsonText(Array.isArray(value) ? value : [value])}`],
    })),
  fc.tuple(fc.nat({ max: 5 }), fc.nat(), binaryBlob).map(([count, id, bytes]) => ({
    kind: 'packets' as const,
    what: `a binary ack for id ${id} announcing ${count} attachments, sending one`,
    messages: [`6${count}-${id}[{"_placeholder":true,"num":0}]`, bytes],
  })),
  fc
    .tuple(
      fc.constantFrom('/', '/admin', '/yjs', '/socket.io', '/__proto__', '/../', '/x'.repeat(500)),
      hostileJson,
    )
    .map(([namespace, auth]) => ({
      kind: 'packets' as const,
      what: `a CONNECT to namespace ${namespace.slice(0, 20)}`,
      messages: [`0${namespace === '/' ? '' : `${namespace},`}${jsonText(auth)}`],
    })),
  fc.constantFrom('/', '/admin').map((namespace) => ({
    kind: 'packets' as const,
    what: `a DISCONNECT from ${namespace}`,
    messages: [namespace === '/' ? '1' : `1${namespace},`],
  })),
  fc.tuple(fc.constantFrom('4', '2/admin,', '21/admin,'), hostileJson).map(([prefix, value]) => ({
    kind: 'packets' as const,
    what: `packet ${prefix} (an error from the client, or an event to a namespace it never joined)`,
    messages: [`${prefix}${jsonText(['note:add', value])}`],
  })),
  fc
    .tuple(
      fc.constantFrom(0, 1, 2, 3, 9, 99999999),
      fc.constantFrom(
        '{"_placeholder":true,"num":0}',
        '{"_placeholder":true,"num":7}',
        '{"_placeholder":true,"num":-1}',
        '{"_placeholder":true,"num":"0"}',
        '{"_placeholder":true,"num":0.5}',
        '{"_placeholder":true,"num":"__proto__"}',
        '{"_placeholder":true}',
      ),
      fc.array(binaryBlob, { maxLength: 3 }),
    )
    .map(([announced, placeholder, attachments]) => ({
      kind: 'packets' as const,
      what: `a binary event announcing ${announced} attachments, with ${attachments.length} and ${placeholder}`,
      messages: [`5${announced}-1["note:add",${placeholder}]`, ...attachments],
    })),
  binaryBlob.map((bytes) => ({
    kind: 'packets' as const,
    what: 'an attachment with no packet announcing it',
    messages: [bytes],
  })),
  fc
    .oneof(
      hostileString,
      fc.constantFrom('2', '21', '2[', '2{}', '2"x"', '2[]', '7[]', '5-[]', '51-'),
    )
    .map((text) => ({
      kind: 'packets' as const,
      what: `text that is not a packet: ${JSON.stringify(text.slice(0, 30))}`,
      messages: [text],
    })),
);

/** Engine.IO frames the client library would never send. */
export const engineFrame: fc.Arbitrary<SocketFrame> = fc
  .oneof(
    fc.constantFrom('2', '2probe', '3', '3probe', '5', '6', '1', '0', '8', '9', 'b4AAAA', ''),
    fc.string({ maxLength: 16 }),
    fc.uint8Array({ maxLength: 32 }),
  )
  .map((frame) => ({
    kind: 'engine' as const,
    what: `an Engine.IO frame ${typeof frame === 'string' ? JSON.stringify(frame) : `of ${frame.length} bytes`}`,
    frame,
  }));

/** Error codes an ack may carry; `internal` is a bug (something threw). */
export const refusalCodes = new Set<string>([
  ErrorCode.invalidRequest,
  ErrorCode.notFound,
  ErrorCode.unauthorized,
  ErrorCode.forbidden,
  ErrorCode.conflict,
  ErrorCode.payloadTooLarge,
  ErrorCode.rateLimited,
  ErrorCode.notReady,
]);

export type Expectation =
  /** The server must answer the ack; `command` if it is a command whose payload is `payload`. */
  | { answer: 'ack'; command?: CommandName; payload?: unknown; valid?: boolean }
  /** The server must not answer: no ack was asked, or the arguments are not laid out as a command's. */
  | { answer: 'none' }
  | { answer: 'board' }
  /** Too deep to know: socket.io-parser closes the connection. */
  | { answer: 'unknown' };

/**
 * What the server owes an event, by its rules (command-connection.ts): every event that asks for an
 * ack is answered, except a command whose arguments are not exactly (payload, ack), which is
 * refused without one, and the board's `yjs` messages, which are never acked. Socket.IO's own
 * parser may also refuse a packet by closing the connection, which is always allowed.
 */
export function expectationOf(
  view: readonly unknown[] | undefined,
  ackAsked: boolean,
): Expectation {
  if (view === undefined) return { answer: 'unknown' };
  const [name, ...args] = view;
  if (!ackAsked) return { answer: 'none' };
  if (name === 'yjs' || name === 'yjs:close') return { answer: 'none' };
  if (name === 'yjs:open') return { answer: 'board' };
  if (!isCommand(name)) return { answer: 'ack' };
  if (args.length !== 1) return { answer: 'none' };
  const valid = commandSchemas[name].safeParse(args[0]).success;
  return { answer: 'ack', command: name, payload: args[0], valid };
}
