/**
 * The wire protocol between clients and the server: HTTP bodies, Socket.IO commands and their acks,
 * and the document socket's close codes. docs/protocol.md describes the same in prose.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors.ts';
import { joinCodeSchema } from './ids.ts';
import { visibilitySchema } from './session/models/model.ts';
import { reviewOutcomeSchema } from './session/previous-actions.ts';
import { displayNameSchema, roleSchema, sessionTitleSchema } from './session/participants.ts';
import type { FacilitatorView, PrivateView } from './session/selectors.ts';

// ---------------------------------------------------------------------------------------------
// HTTP

export const createSessionRequestSchema = z.object({
  title: sessionTitleSchema,
  facilitatorName: displayNameSchema,
  /** A catalog model's id (default What? So what? Now what?) or one of your saved custom models. */
  modelId: z.string().min(1).max(80).optional(),
});
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>;

export const joinSessionRequestSchema = z.object({
  code: joinCodeSchema,
  displayName: displayNameSchema,
  /** Join as a new person even though this browser is already in the session as someone else. */
  asNewParticipant: z.boolean().optional(),
});
export type JoinSessionRequest = z.input<typeof joinSessionRequestSchema>;

export const participantSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  role: roleSchema,
  colour: z.string(),
});
export type Participant = z.infer<typeof participantSchema>;

export const sessionSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  /** Given to facilitators only. */
  joinCode: z.string().optional(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** Answer of create, join and `GET /api/sessions/:id`: the session and who you are in it. */
export const membershipSchema = z.object({
  session: sessionSummarySchema,
  you: participantSchema,
});
export type Membership = z.infer<typeof membershipSchema>;

/** Answer of `GET /api/join/:code`. */
export const joinLookupSchema = z.object({
  session: z.object({ id: z.uuid(), title: z.string() }),
  /** Present when this browser is already in the session. */
  you: participantSchema.optional(),
});
export type JoinLookup = z.infer<typeof joinLookupSchema>;

// ---------------------------------------------------------------------------------------------
// Socket.IO: commands up, acks back

/** A client-generated id per intent; a retried command carries the same one. */
const commandId = z.uuid();
const id = z.uuid();
const stepId = z.string().min(1).max(64);
/**
 * The secret that proves authorship of an anonymous note: 32 random bytes in base64url, made by
 * the author's browser and kept there. The server keeps only its SHA-256.
 */
export const noteSecretSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'a note secret is 43 base64url characters');
// The core enforces lengths with clear messages; these only bound the payload.
const longText = z.string().max(8000);
const ownerSchema = z.object({
  kind: z.enum(['participant', 'team']),
  participantId: z.uuid().nullable(),
});
const dueSchema = z.string().max(10).nullable();

export const addNoteSchema = z.object({
  commandId,
  /** The step the note is for (the current one). */
  areaId: stepId,
  text: longText,
  /** Post anonymously even where the step is named; requires `secret`. */
  anonymous: z.boolean().optional(),
  secret: noteSecretSchema.optional(),
});
export const editNoteSchema = z.object({
  commandId,
  noteId: id,
  text: longText,
  secret: noteSecretSchema.optional(),
});
export const deleteNoteSchema = z.object({
  commandId,
  noteId: id,
  secret: noteSecretSchema.optional(),
});
export const closeSessionSchema = z.object({ commandId });

export type AddNotePayload = z.input<typeof addNoteSchema>;
export type EditNotePayload = z.input<typeof editNoteSchema>;
export type DeleteNotePayload = z.input<typeof deleteNoteSchema>;
export type CloseSessionPayload = z.input<typeof closeSessionSchema>;

export type Ack<T> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
export type AckCallback<T> = (result: Ack<T>) => void;

/** Every command, its payload schema, and what its successful ack carries. */
export const commandSchemas = {
  'note:add': addNoteSchema,
  'note:edit': editNoteSchema,
  'note:delete': deleteNoteSchema,
  'note:spotlight': z.object({ commandId, noteId: id.nullable() }),
  'note:group': z.object({ commandId, noteId: id, groupId: id.nullable() }),
  'agreement:accept': z.object({ commandId }),
  'step:go': z.object({ commandId, stepIndex: z.number().int().min(0).max(100) }),
  'step:rerun': z.object({ commandId }),
  'step:visibility': z.object({ commandId, stepId, visibility: visibilitySchema }),
  'step:reveal': z.object({ commandId, stepId }),
  'board:lock': z.object({ commandId, locked: z.boolean() }),
  'timer:start': z.object({
    commandId,
    durationMs: z.number().int().positive().max(10_800_000).nullable().optional(),
  }),
  'timer:pause': z.object({ commandId }),
  'timer:extend': z.object({ commandId, ms: z.number().int().positive().max(10_800_000) }),
  'timer:reset': z.object({ commandId }),
  'voting:open': z.object({
    commandId,
    stepId,
    budget: z.number().int().min(1).max(100),
    maxPerNote: z.number().int().min(1).max(100),
  }),
  'vote:cast': z.object({ commandId, noteId: id }),
  'vote:retract': z.object({ commandId, noteId: id }),
  'voting:close': z.object({ commandId, stepId }),
  'group:create': z.object({ commandId, stepId, title: longText }),
  'group:rename': z.object({ commandId, groupId: id, title: longText }),
  'group:delete': z.object({ commandId, groupId: id }),
  'action:add': z.object({ commandId, text: longText, owner: ownerSchema, due: dueSchema }),
  'action:edit': z.object({
    commandId,
    actionId: id,
    text: longText,
    owner: ownerSchema,
    due: dueSchema,
  }),
  'action:remove': z.object({ commandId, actionId: id }),
  'previous:review': z.object({
    commandId,
    actionId: id,
    outcome: reviewOutcomeSchema,
    /** What happened when it was tried: required to carry it on. */
    note: longText.nullable().optional(),
  }),
  'role:set': z.object({
    commandId,
    participantId: id,
    role: z.enum(['co-facilitator', 'participant', 'observer']),
  }),
  'participant:remove': z.object({ commandId, participantId: id }),
  'session:close': closeSessionSchema,
} as const;
export type CommandName = keyof typeof commandSchemas;
export type CommandPayload<K extends CommandName> = z.input<(typeof commandSchemas)[K]>;

type Empty = Record<string, never>;
export interface CommandResults {
  'note:add': { noteId: string };
  'note:edit': { noteId: string };
  'note:delete': { noteId: string };
  'note:spotlight': Empty;
  'note:group': Empty;
  'agreement:accept': Empty;
  'step:go': Empty;
  'step:rerun': Empty;
  'step:visibility': Empty;
  'step:reveal': { revealed: number };
  'board:lock': Empty;
  'timer:start': Empty;
  'timer:pause': Empty;
  'timer:extend': Empty;
  'timer:reset': Empty;
  'voting:open': Empty;
  'vote:cast': Empty;
  'vote:retract': Empty;
  'voting:close': Empty;
  'group:create': { groupId: string };
  'group:rename': Empty;
  'group:delete': Empty;
  'action:add': { actionId: string };
  'action:edit': Empty;
  'action:remove': Empty;
  'previous:review': Empty;
  'role:set': Empty;
  'participant:remove': Empty;
  'session:close': Empty;
}

export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: AckCallback<CommandResults[K]>) => void;
} & {
  /** Not a command: answers the server's clock, so clients can correct timers for skew. */
  'time:sync': (payload: Empty, ack: (result: { serverNow: number }) => void) => void;
} & BoardCarriageClientEvents;

/**
 * The board's y-websocket protocol carried over the command connection (see docs/protocol.md):
 * the same binary messages as on /yjs/<doc>, one `yjs` event each, so a person holds one
 * connection. `yjs:open` names the document and is acked before any `yjs` message flows; `yjs`
 * messages that arrive while the board is not open are dropped (they belong to a replica that
 * was closed). `yjs:close` ends the replica, not the connection.
 */
export interface BoardCarriageClientEvents {
  'yjs:open': (docName: string, ack: (result: BoardOpenResult) => void) => void;
  yjs: (message: Uint8Array) => void;
  'yjs:close': () => void;
}

/** The answer to `yjs:open`: open, or closed at once with a WebSocket close code. */
export type BoardOpenResult = { ok: true } | { ok: false; code: number; reason: string };

/** What the server sends for a carried board: `yjs` messages, and a close with a WebSocket code. */
export interface BoardCarriageServerEvents {
  /** A Buffer in Node, an ArrayBuffer in the browser. */
  yjs: (message: Uint8Array | ArrayBuffer) => void;
  /** The replica is closed (codes as for the document socket: `DocCloseCode`, 1012). */
  'yjs:close': (close: { code: number; reason: string }) => void;
}

export interface ServerToClientEvents {
  /** The server refuses to go on with this connection (e.g. it was removed); the reason is for people. */
  'connection:refused': (reason: { code: ErrorCode; message: string }) => void;
  /** Your own standing: role, agreement, your votes; sent on connect and whenever it changes. */
  'view:private': (view: PrivateView) => void;
  /** Facilitators only: guidance, who has not accepted, hidden-note counts. */
  'view:facilitation': (view: FacilitatorView) => void;
  yjs: BoardCarriageServerEvents['yjs'];
  'yjs:close': BoardCarriageServerEvents['yjs:close'];
}

/** What `socket.handshake.auth` must hold. */
export const socketAuthSchema = z.object({
  sessionId: z.uuid().transform((id) => id.toLowerCase()),
});

// ---------------------------------------------------------------------------------------------
// Document socket (/yjs/<doc>)

/**
 * Close codes the server uses on a document socket. 4400–4499 are permanent (y-websocket does not
 * reconnect after them); 4500–4599 mean "try again later".
 */
export const DocCloseCode = {
  /** The client sent a change to a document that only the server writes. */
  readOnly: 4403,
  /** The message could not be parsed, or its type is not one this document accepts. */
  badMessage: 4400,
  /** The connection sent more messages than allowed. */
  rateLimited: 4429,
  /** A facilitator removed the participant, or this browser joined as someone else. */
  revoked: 4401,
  /** The board is reloading after a failed write; reconnect shortly (shutdown sends 1012). */
  unavailable: 4503,
  /** Retention deleted the session's board: there is nothing to sync; its summary remains. */
  purged: 4410,
  /** The person opened the board too often just now (WebSocket's "try again later"): reconnect after a pause. */
  tryAgainLater: 1013,
} as const;

/** What the server puts in awareness for each person present; clients put nothing there. */
export const presenceSchema = z.object({
  participantId: z.uuid(),
  name: z.string(),
  colour: z.string(),
  role: roleSchema,
});
export type Presence = z.infer<typeof presenceSchema>;
