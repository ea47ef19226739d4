import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** drizzle-orm has no bytea column; this one works on both drivers. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A reflection session. Its board lives in Yjs update logs; this row is what is queried. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    joinCode: text('join_code').notNull(),
    /** The model as it was when the session started: later edits to it never change this session. */
    model: jsonb('model').notNull(),
    agreementText: text('agreement_text').notNull(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    // A code is reused only after its session has closed, so uniqueness holds among open sessions.
    uniqueIndex('sessions_open_join_code_idx')
      .on(t.joinCode)
      .where(sql`${t.closedAt} is null`),
  ],
);

/**
 * A person in one session. No account: the browser holds a random device secret in an httpOnly
 * cookie and only its SHA-256 is kept here, so a database reader cannot act as anyone.
 */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    role: text('role', {
      enum: ['facilitator', 'co-facilitator', 'participant', 'observer'],
    }).notNull(),
    colour: text('colour').notNull(),
    /** Null once the browser joined again as someone else. */
    deviceHash: text('device_hash'),
    /** Set when a facilitator removed them: the browser may not come back. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('participants_session_device_idx')
      .on(t.sessionId, t.deviceHash)
      .where(sql`${t.deviceHash} is not null`),
  ],
);

/** A sticky note's row: what is queried and exported. Its presentation lives in the board doc. */
export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    areaId: text('area_id').notNull(),
    authorId: uuid('author_id').references(() => participants.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [index('notes_session_idx').on(t.sessionId)],
);

/** Append-only log of a document's Yjs updates since its last snapshot. */
export const docUpdates = pgTable(
  'doc_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    docName: text('doc_name').notNull(),
    data: bytea('data').notNull(),
    // No timestamp: an update's time would say when each change, anonymous ones included, happened.
  },
  (t) => [index('doc_updates_doc_idx').on(t.docName, t.id)],
);

/** A document's state up to and including update `uptoId`; the log holds what came after. */
export const docSnapshots = pgTable('doc_snapshots', {
  docName: text('doc_name').primaryKey(),
  data: bytea('data').notNull(),
  uptoId: bigint('upto_id', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Results of applied commands by their client-generated id, so that a retry is answered from here
 * instead of being applied twice. Deliberately holds no participant id.
 */
export const commandReceipts = pgTable(
  'command_receipts',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    commandId: uuid('command_id').notNull(),
    result: jsonb('result').notNull(),
    // No timestamp: a receipt names the note a command created, and when an anonymous note was
    // posted must not be kept.
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.commandId] })],
);

/**
 * Every decided event of a session, in order: the session's state is these folded from its
 * start. An anonymous note's event holds no author, only the hash of its author's secret.
 */
export const sessionEvents = pgTable(
  'session_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    event: jsonb('event').notNull(),
  },
  (t) => [index('session_events_session_idx').on(t.sessionId, t.seq)],
);

/** A facilitator's own models, kept for reuse by the browser that made them. */
export const customModels = pgTable(
  'custom_models',
  {
    id: uuid('id').primaryKey(),
    deviceHash: text('device_hash').notNull(),
    model: jsonb('model').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('custom_models_device_idx').on(t.deviceHash)],
);

/**
 * Anonymous notes waiting for release. Deliberately without timestamps or any order: when the
 * batch is released they move into the event log together, shuffled.
 */
export const heldNotes = pgTable(
  'held_notes',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    round: integer('round').notNull(),
    text: text('text').notNull(),
    ownerHash: text('owner_hash').notNull(),
  },
  (t) => [index('held_notes_session_idx').on(t.sessionId)],
);

/** Changes anonymous authors made to shown notes, waiting for the next batch (null text: delete). */
export const heldChanges = pgTable(
  'held_changes',
  {
    noteId: uuid('note_id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    text: text('text'),
  },
  (t) => [index('held_changes_session_idx').on(t.sessionId)],
);
