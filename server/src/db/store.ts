import type { Db } from './database.ts';
import type { ScrubRequest, ScrubbedTable } from './scrubber.ts';
import {
  createAuthSessionsRepository,
  type AuthSessionsRepository,
} from './auth-sessions-repository.ts';
import { createUsersRepository, type UsersRepository } from './users-repository.ts';
import { createTeamsRepository, type TeamsRepository } from './teams-repository.ts';
import { createRetentionRepository, type RetentionRepository } from './retention-repository.ts';
import { createAuditRepository, type AuditRepository } from './audit-repository.ts';
import {
  createTeamActionsRepository,
  type TeamActionsRepository,
} from './team-actions-repository.ts';
import {
  createCustomModelsRepository,
  type CustomModelsRepository,
} from './custom-models-repository.ts';
import { createBallotsRepository, type BallotsRepository } from './ballots-repository.ts';
import { createEventsRepository, type EventsRepository } from './events-repository.ts';
import { createHeldNotesRepository, type HeldNotesRepository } from './held-notes-repository.ts';
import { createDocLogRepository, type DocLogRepository } from './doc-log-repository.ts';
import { createNotesRepository, type NotesRepository } from './notes-repository.ts';
import {
  createParticipantsRepository,
  type ParticipantsRepository,
} from './participants-repository.ts';
import { createReceiptsRepository, type ReceiptsRepository } from './receipts-repository.ts';
import { createSessionsRepository, type SessionsRepository } from './sessions-repository.ts';

export interface Repositories {
  sessions: SessionsRepository;
  participants: ParticipantsRepository;
  notes: NotesRepository;
  docLog: DocLogRepository;
  receipts: ReceiptsRepository;
  events: EventsRepository;
  ballots: BallotsRepository;
  customModels: CustomModelsRepository;
  heldNotes: HeldNotesRepository;
  users: UsersRepository;
  authSessions: AuthSessionsRepository;
  audit: AuditRepository;
  teamActions: TeamActionsRepository;
  teams: TeamsRepository;
  retention: RetentionRepository;
}

export interface Store extends Repositories {
  /** Runs `work` in one transaction: every write in it commits together or not at all. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

function repositories(db: Db, scrub: ScrubRequest): Repositories {
  return {
    sessions: createSessionsRepository(db),
    participants: createParticipantsRepository(db),
    notes: createNotesRepository(db),
    docLog: createDocLogRepository(db),
    receipts: createReceiptsRepository(db),
    events: createEventsRepository(db),
    ballots: createBallotsRepository(db, scrub),
    customModels: createCustomModelsRepository(db),
    heldNotes: createHeldNotesRepository(db, scrub),
    users: createUsersRepository(db),
    authSessions: createAuthSessionsRepository(db),
    audit: createAuditRepository(db),
    teamActions: createTeamActionsRepository(db),
    teams: createTeamsRepository(db),
    retention: createRetentionRepository(db),
  };
}

/**
 * The repositories over `db`. `scrub` is told which tables a write left deleted rows in that must
 * not stay readable (see `Scrubber`); inside `transaction` it is told only once the transaction
 * has committed, since a rewrite cannot run inside one.
 */
export function createStore(db: Db, scrub: ScrubRequest = () => {}): Store {
  return {
    ...repositories(db, scrub),
    transaction: async (work) => {
      const touched = new Set<ScrubbedTable>();
      const result = await db.transaction((tx) =>
        work(repositories(tx, (table) => touched.add(table))),
      );
      for (const table of touched) scrub(table);
      return result;
    },
  };
}
