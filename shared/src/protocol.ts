/**
 * The wire protocol between clients and the server: HTTP bodies, Socket.IO commands and their acks,
 * and the document socket's close codes. docs/protocol.md describes the same in prose.
 */
import { z } from 'zod';
import type { ErrorCode } from './errors.ts';
import { joinCodeSchema } from './ids.ts';
import { displayNameSchema, roleSchema, sessionTitleSchema } from './session/participants.ts';

// ---------------------------------------------------------------------------------------------
// HTTP

export const createSessionRequestSchema = z.object({
  title: sessionTitleSchema,
  facilitatorName: displayNameSchema,
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

export const addNoteSchema = z.object({
  commandId,
  areaId: z.string().min(1).max(64),
  // The core enforces 1–1,000 characters with a clear message; this only bounds the payload.
  text: z.string().max(8000),
});
export const editNoteSchema = z.object({ commandId, noteId: z.uuid(), text: z.string().max(8000) });
export const deleteNoteSchema = z.object({ commandId, noteId: z.uuid() });
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
  'session:close': closeSessionSchema,
} as const;
export type CommandName = keyof typeof commandSchemas;

export interface CommandResults {
  'note:add': { noteId: string };
  'note:edit': { noteId: string };
  'note:delete': { noteId: string };
  'session:close': Record<string, never>;
}

export type ClientToServerEvents = {
  [K in CommandName]: (
    payload: z.input<(typeof commandSchemas)[K]>,
    ack: AckCallback<CommandResults[K]>,
  ) => void;
};

export interface ServerToClientEvents {
  /** The server refuses to go on with this connection (e.g. it was removed); the reason is for people. */
  'connection:refused': (reason: { code: ErrorCode; message: string }) => void;
}

/** What `socket.handshake.auth` must hold. */
export const socketAuthSchema = z.object({ sessionId: z.uuid() });

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
  /** The participant was removed or the session is gone. */
  revoked: 4401,
  /** The server is shutting down or lost its store; reconnect later. */
  unavailable: 4503,
} as const;

/** What the server puts in awareness for each person present; clients put nothing there. */
export const presenceSchema = z.object({
  participantId: z.uuid(),
  name: z.string(),
  colour: z.string(),
  role: roleSchema,
});
export type Presence = z.infer<typeof presenceSchema>;
