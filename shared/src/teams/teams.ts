/**
 * Teams, their members, invitations and audit log: the HTTP bodies. The rules they follow are in
 * session/team-roles.ts and session/team-membership.ts.
 */
import { z } from 'zod';
import { cleanText, displayNameSchema, sessionTitleSchema } from '../session/participants.ts';
import { teamRoleSchema } from '../session/team-roles.ts';
import { inviteDaysDefault, inviteDaysMax, inviteDaysMin } from '../session/team-membership.ts';

export * from '../session/team-membership.ts';

export const teamNameMax = 80;
export const retentionDaysMax = 3650;

export const teamNameSchema = z
  .string()
  .max(800)
  .transform(cleanText)
  .refine((name) => name.length >= 1, 'Please give the team a name.')
  .refine(
    (name) => [...name].length <= teamNameMax,
    `A team name can be at most ${teamNameMax} characters.`,
  );

export const retentionDaysSchema = z
  .number()
  .int('Retention is a whole number of days.')
  .min(0, 'Retention is 0 days (delete at close) or more.')
  .max(retentionDaysMax, `Retention is at most ${retentionDaysMax} days (about ten years).`);

export const inviteRoleSchema = z.enum(['facilitator', 'member']);

const isoDate = z.iso.datetime({ offset: true });

// ---- requests -----------------------------------------------------------------------------

export const createTeamRequestSchema = z.object({ name: teamNameSchema });
export type CreateTeamRequest = z.input<typeof createTeamRequestSchema>;

export const updateTeamRequestSchema = z
  .object({ name: teamNameSchema.optional(), retentionDays: retentionDaysSchema.optional() })
  .refine(
    (change) => change.name !== undefined || change.retentionDays !== undefined,
    'Send a new name, a new retention, or both.',
  );
export type UpdateTeamRequest = z.input<typeof updateTeamRequestSchema>;

export const setMemberRoleRequestSchema = z.object({ role: teamRoleSchema });
export type SetMemberRoleRequest = z.input<typeof setMemberRoleRequestSchema>;

export const createInviteRequestSchema = z.object({
  role: inviteRoleSchema,
  expiresInDays: z
    .number()
    .int('The expiry is a whole number of days.')
    .min(inviteDaysMin, `An invitation lasts at least ${inviteDaysMin} day.`)
    .max(inviteDaysMax, `An invitation lasts at most ${inviteDaysMax} days.`)
    .default(inviteDaysDefault),
});
export type CreateInviteRequest = z.input<typeof createInviteRequestSchema>;

export const createTeamSessionRequestSchema = z.object({
  title: sessionTitleSchema,
  /** Defaults to the account's name. */
  facilitatorName: displayNameSchema.optional(),
  modelId: z.string().min(1).max(80).optional(),
  /** When the team plans to meet: an ISO date-time with its offset. */
  scheduledFor: isoDate.optional(),
});
export type CreateTeamSessionRequest = z.input<typeof createTeamSessionRequestSchema>;

/** `?before=<id>` of the audit log: the page of entries older than that id. */
export const auditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
});

/** The token in an invitation link: 32 random bytes as base64url. */
export const inviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

// ---- answers ------------------------------------------------------------------------------

export const teamSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  retentionDays: z.number().int(),
  role: teamRoleSchema,
});
export type TeamSummary = z.infer<typeof teamSummarySchema>;

/** Answer of `GET /api/teams`, and (one team) of `POST /api/teams`. */
export const teamListSchema = z.object({ teams: z.array(teamSummarySchema) });
export type TeamList = z.infer<typeof teamListSchema>;

export const teamMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: teamRoleSchema,
  joinedAt: isoDate,
  /** Only owners see members' email addresses. */
  email: z.string().optional(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSessionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  modelName: z.string(),
  /** Open sessions only: the code to join with. */
  joinCode: z.string().optional(),
  scheduledFor: isoDate.nullable(),
  createdAt: isoDate,
  closedAt: isoDate.nullable(),
  purgedAt: isoDate.nullable(),
  /** When retention deletes the notes: `closedAt` plus the team's retention; null while open. */
  notesDeleteAt: isoDate.nullable(),
});
export type TeamSession = z.infer<typeof teamSessionSchema>;

export const teamActionHistorySchema = z.object({
  sessionId: z.uuid().nullable(),
  /** The session's title, when it still exists. */
  sessionTitle: z.string().nullable(),
  outcome: z.enum(['created', 'done', 'carried', 'dropped']),
  note: z.string().nullable(),
  at: isoDate,
});

export const teamActionSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  /** A person's name, or null when the team owns it. */
  ownerName: z.string().nullable(),
  /** yyyy-mm-dd, or null. */
  due: z.string().nullable(),
  createdAt: isoDate,
  history: z.array(teamActionHistorySchema),
});
export type TeamAction = z.infer<typeof teamActionSchema>;

/** Answer of `GET /api/teams/:id`: the team page. */
export const teamPageSchema = z.object({
  team: z.object({
    id: z.uuid(),
    name: z.string(),
    retentionDays: z.number().int(),
    createdAt: isoDate,
  }),
  you: z.object({ userId: z.uuid(), role: teamRoleSchema }),
  members: z.array(teamMemberSchema),
  sessions: z.object({
    /** Open sessions, soonest first (by scheduled time, else by creation). */
    upcoming: z.array(teamSessionSchema),
    /** Closed sessions, most recently closed first. */
    past: z.array(teamSessionSchema),
  }),
  /** Actions still open, oldest first, with what happened to them session by session. */
  actions: z.array(teamActionSchema),
});
export type TeamPage = z.infer<typeof teamPageSchema>;

export const inviteSchema = z.object({
  id: z.uuid(),
  role: inviteRoleSchema,
  createdAt: isoDate,
  expiresAt: isoDate,
});
export type Invite = z.infer<typeof inviteSchema>;

/** Answer of `POST /api/teams/:id/invites`: the only time the link is shown. */
export const inviteCreatedSchema = z.object({
  invite: inviteSchema,
  /** `/invite/<token>`, relative to the server's origin. */
  link: z.string(),
});
export type InviteCreated = z.infer<typeof inviteCreatedSchema>;

export const inviteListSchema = z.object({ invites: z.array(inviteSchema) });
export type InviteList = z.infer<typeof inviteListSchema>;

/** Answer of `GET /api/invites/:token`. */
export const inviteLookupSchema = z.object({
  team: z.object({ id: z.uuid(), name: z.string() }),
  role: inviteRoleSchema,
  expiresAt: isoDate,
  /** Present when the signed-in account is already in the team. */
  yourRole: teamRoleSchema.optional(),
});
export type InviteLookup = z.infer<typeof inviteLookupSchema>;

/** Answer of `POST /api/invites/:token/accept`. */
export const inviteAcceptedSchema = z.object({
  team: z.object({ id: z.uuid(), name: z.string() }),
  role: teamRoleSchema,
  /** False when the account was already in the team (its role did not change). */
  joined: z.boolean(),
});
export type InviteAccepted = z.infer<typeof inviteAcceptedSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: isoDate,
  actorName: z.string(),
  action: z.string(),
  sessionId: z.uuid().nullable(),
  /** The title of the session the entry concerns, while the session exists. */
  sessionTitle: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

/** Answer of `GET /api/teams/:id/audit`: newest first; `nextBefore` pages back. */
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
