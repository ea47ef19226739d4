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
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** drizzle-orm has no bytea column; this one works on both drivers. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** An account. The email is kept lower-cased; the password only as a scrypt hash. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_idx').on(t.email)],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is kept here. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

/** A team that meets again and again. Raw boards are kept `retention_days` after a session closes. */
export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  retentionDays: integer('retention_days').notNull().default(30),
  createdAt: createdAt(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'facilitator', 'member'] }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index('team_members_user_idx').on(t.userId),
  ],
);

/** An invitation link: usable by anyone holding it until it expires or is revoked. */
export const teamInvites = pgTable(
  'team_invites',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token in the link; the link itself is shown once, to its creator. */
    tokenHash: text('token_hash').notNull(),
    role: text('role', { enum: ['facilitator', 'member'] }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('team_invites_token_idx').on(t.tokenHash),
    index('team_invites_team_idx').on(t.teamId),
  ],
);

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
    /** Null for a standalone session started without a team. */
    teamId: uuid('team_id').references((): AnyPgColumn => teams.id, { onDelete: 'cascade' }),
    /** The account that started it, when started from a team. */
    createdBy: uuid('created_by').references((): AnyPgColumn => users.id, {
      onDelete: 'set null',
    }),
    /** When the team plans to meet, if it was scheduled ahead. */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    /**
     * The team's open actions from earlier sessions as they stood when this session was created:
     * the session opens by reviewing them. Part of the session's start, like the model.
     */
    previousActions: jsonb('previous_actions').notNull().default([]),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When retention deleted the raw board (notes, groups, documents, events). */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (t) => [
    // A code is reused only after its session has closed, so uniqueness holds among open sessions.
    uniqueIndex('sessions_open_join_code_idx')
      .on(t.joinCode)
      .where(sql`${t.closedAt} is null`),
    index('sessions_team_idx').on(t.teamId),
  ],
);

/**
 * An action agreed in a team's session, carried across sessions until it is done or dropped.
 * Its id is the action's id on the board of the session that created it.
 */
export const teamActions = pgTable(
  'team_actions',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    /** A person's name as it was in the session, or null when the team owns it. */
    ownerName: text('owner_name'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** yyyy-mm-dd, or null. */
    due: text('due'),
    status: text('status', { enum: ['open', 'done', 'dropped'] }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('team_actions_team_idx').on(t.teamId, t.status)],
);

/** What happened to an action, session by session. */
export const teamActionUpdates = pgTable(
  'team_action_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => teamActions.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    outcome: text('outcome', { enum: ['created', 'done', 'carried', 'dropped'] }).notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('team_action_updates_action_idx').on(t.actionId, t.id)],
);

/**
 * What a team's owners and facilitators did. Never who wrote an anonymous note: entries name the
 * actor and the subject (a member, a session), and counts, never note text or note authors.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's name at the time ("Retention" for the scheduled job). */
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    details: jsonb('details').notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('audit_events_team_idx').on(t.teamId, t.id)],
);

/**
 * What a session produced that outlives its raw board: theme titles, counts, tallies, actions.
 * Written when retention deletes the board; exports read it afterwards.
 */
export const sessionOutcomes = pgTable('session_outcomes', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  outcome: jsonb('outcome').notNull(),
  createdAt: createdAt(),
});

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
    /** The account they joined with, if they were signed in. */
    userId: uuid('user_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
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
 * Results of applied commands, so that a retry is answered from here instead of being applied
 * twice. A command id is its sender's own: the key is a hash of the sender's participant id and
 * the command id (`receiptKey`), so a command id someone else used first neither answers nor
 * swallows another person's command, and the row names neither the sender nor the id they sent.
 */
export const commandReceipts = pgTable(
  'command_receipts',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    commandKey: uuid('command_key').notNull(),
    result: jsonb('result').notNull(),
    // No timestamp: a receipt names the note a command created, and when an anonymous note was
    // posted must not be kept.
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.commandKey] })],
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

/**
 * The votes of voting that is still open: how many votes each person gave each note. Secret
 * ballots: outside the server's memory these rows are the only link from a voter to a note. They
 * are deleted in the transaction that closes the voting, whose event keeps only the tallies, and
 * the table is then rewritten (VACUUM FULL) so that no page keeps the deleted rows. No foreign key
 * to the participant: checking one would lock, and so mark, the voter's row at the moment they vote.
 */
export const ballots = pgTable(
  'ballots',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    round: integer('round').notNull(),
    participantId: uuid('participant_id').notNull(),
    noteId: uuid('note_id').notNull(),
    count: integer('count').notNull(),
    // No timestamp: when someone voted is not kept.
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.stepId, t.round, t.participantId, t.noteId] })],
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
