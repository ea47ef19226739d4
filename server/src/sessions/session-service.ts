import { randomBytes, randomUUID } from 'node:crypto';
import {
  ErrorCode,
  boardDocName,
  colourFor,
  decideJoin,
  defaultAgreementText,
  defaultModelId,
  fail,
  findModel,
  initialState,
  modelSchema,
  joinCodeFromBytes,
  ok,
  removedFromSessionMessage,
  type JoinLookup,
  type Membership,
  type Participant,
  type ReflectionModel,
  type Result,
  type Role,
} from '@reflectory/shared';
import * as Y from 'yjs';
import type { ParticipantRecord } from '../db/participants-repository.ts';
import type { SessionRecord } from '../db/sessions-repository.ts';
import type { Store } from '../db/store.ts';
import { captureUpdate, projectBoard } from './board-projection.ts';
import { snapshotPreviousActions } from './previous-actions-snapshot.ts';
import type { RoomRegistry } from './room-registry.ts';

const noSuchCode =
  'No open session has that code. Check it with the person who shared it; the session may also have ended.';

function newJoinCode(): string {
  for (;;) {
    const code = joinCodeFromBytes(randomBytes(16));
    if (code) return code;
  }
}

function toParticipant(record: ParticipantRecord): Participant {
  return {
    id: record.id,
    displayName: record.displayName,
    role: record.role,
    colour: record.colour,
  };
}

function toMembership(session: SessionRecord, you: ParticipantRecord): Membership {
  return {
    session: {
      id: session.id,
      title: session.title,
      status: session.closedAt ? 'closed' : 'open',
      ...(you.role === 'facilitator' ? { joinCode: session.joinCode } : {}),
    },
    you: toParticipant(you),
  };
}

/** Starting, finding and joining sessions: what the HTTP routes ask of the sessions layer. */
export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly rooms: RoomRegistry,
  ) {}

  /**
   * Creates the session, its facilitator and its board document in one transaction. Join codes
   * collide rarely; a collision is retried with a fresh code.
   */
  async create(input: {
    title: string;
    facilitatorName: string;
    deviceHash: string;
    modelId: string | undefined;
    /** The signed-in account starting it, if any (it becomes the facilitator's account). */
    userId?: string | null;
    /** The team it belongs to; only a team's facilitators and owners may start one. */
    teamId?: string | null;
    scheduledFor?: Date | null;
  }): Promise<Result<Membership>> {
    const model = await this.resolveModel(input.modelId ?? defaultModelId, input.deviceHash);
    if (!model) return fail(ErrorCode.notFound, 'There is no such model. Pick one from the list.');
    // A team's session opens by reviewing the team's open actions, as they stand now.
    const previousActions = input.teamId
      ? await snapshotPreviousActions(this.store, input.teamId)
      : [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const session: SessionRecord = {
        id: randomUUID(),
        title: input.title,
        joinCode: newJoinCode(),
        model,
        agreementText: defaultAgreementText,
        teamId: input.teamId ?? null,
        createdBy: input.userId ?? null,
        scheduledFor: input.scheduledFor ?? null,
        previousActions,
        createdAt: new Date(),
        closedAt: null,
        purgedAt: null,
      };
      const facilitator: ParticipantRecord = {
        ...this.newParticipant(session.id, input.facilitatorName, 'facilitator', 0),
        userId: input.userId ?? null,
      };
      const doc = new Y.Doc();
      const start = initialState({
        title: session.title,
        model,
        agreementText: session.agreementText,
        previousActions,
      });
      const initial = captureUpdate(doc, () => projectBoard(doc, null, start));
      doc.destroy();
      const created = await this.store.transaction(async (tx) => {
        const inserted = await tx.sessions.create(session);
        if (!inserted.ok) return false;
        await tx.participants.create({ ...facilitator, deviceHash: input.deviceHash });
        if (initial) await tx.docLog.append(boardDocName(session.id), initial);
        return true;
      });
      if (created) return ok(toMembership(session, facilitator));
    }
    throw new Error('could not find a free join code in 8 attempts');
  }

  async lookup(
    code: string,
    deviceHash: string | undefined,
    userId?: string,
  ): Promise<Result<JoinLookup>> {
    const session = await this.store.sessions.findOpenByJoinCode(code);
    if (!session) return fail(ErrorCode.notFound, noSuchCode);
    const you = await this.participantFor(session.id, deviceHash, userId);
    return ok({
      session: { id: session.id, title: session.title },
      ...(you ? { you: toParticipant(you) } : {}),
    });
  }

  /**
   * Joins an open session by code. A browser (or a signed-in account, from any browser) already
   * in the session comes back as the same participant, unless it asks to join as someone new;
   * who may do which is `decideJoin`'s rule ([RJ1]–[RJ4]).
   */
  async join(input: {
    code: string;
    displayName: string;
    deviceHash: string;
    asNewParticipant: boolean;
    /** The signed-in account joining, if any: the participant is linked to it. */
    userId?: string | null;
  }): Promise<Result<Membership>> {
    const session = await this.store.sessions.findOpenByJoinCode(input.code);
    if (!session) return fail(ErrorCode.notFound, noSuchCode);
    const existing = await this.findPerson(session.id, input.deviceHash, input.userId ?? undefined);
    const everyone = await this.store.participants.listBySession(session.id);
    const decided = decideJoin({
      current: existing,
      linked: input.userId ? everyone.filter((person) => person.userId === input.userId) : [],
      asNewParticipant: input.asNewParticipant,
    });
    if (!decided.ok) return decided;
    if (decided.data.kind === 'returning')
      return ok(toMembership(session, decided.data.participant));

    const participant: ParticipantRecord = {
      ...this.newParticipant(session.id, input.displayName, 'participant', everyone.length),
      userId: input.userId ?? null,
    };
    await this.store.transaction(async (tx) => {
      if (existing) await tx.participants.detachDevice(existing.id);
      await tx.participants.create({ ...participant, deviceHash: input.deviceHash });
    });
    // A room loading meanwhile may have read the participants before this one was committed.
    const room = await this.rooms.peekOrLoading(session.id);
    room?.upsertParticipant(participant);
    // The browser is someone else now: its connections as the old identity end.
    if (existing)
      room?.endConnectionsOf(existing.id, 'This browser joined the session as someone else.');
    return ok(toMembership(session, participant));
  }

  /** Who this browser (or its signed-in account) is in the session, if it is in it. */
  async membership(
    sessionId: string,
    deviceHash: string | undefined,
    userId?: string,
  ): Promise<Result<Membership>> {
    const session = await this.store.sessions.findById(sessionId);
    const you = session ? await this.findPerson(session.id, deviceHash, userId) : undefined;
    // Removed is no longer in the session: 401 like any outsider, told why.
    if (you?.removed) return fail(ErrorCode.unauthorized, removedFromSessionMessage);
    if (!session || !you) {
      return fail(
        ErrorCode.unauthorized,
        'You are not in this session. Ask its facilitator for the join link or code.',
      );
    }
    return ok(toMembership(session, you));
  }

  /**
   * The participant a connection speaks for, from its device cookie or its sign-in, for
   * authenticating Socket.IO and document connections. Removed people are refused.
   */
  async participantFor(
    sessionId: string,
    deviceHash: string | undefined,
    userId?: string,
  ): Promise<ParticipantRecord | undefined> {
    const participant = await this.findPerson(sessionId, deviceHash, userId);
    return participant?.removed ? undefined : participant;
  }

  /**
   * Who a browser is in a session: the participant its device cookie joined as, or else the one
   * its signed-in account joined as from another browser. A device match wins, so a browser that
   * joined as someone new stays that person.
   */
  private async findPerson(
    sessionId: string,
    deviceHash: string | undefined,
    userId: string | undefined,
  ): Promise<ParticipantRecord | undefined> {
    const byDevice = deviceHash
      ? await this.store.participants.findByDevice(sessionId, deviceHash)
      : undefined;
    if (byDevice || !userId) return byDevice;
    return this.store.participants.findByUser(sessionId, userId);
  }

  /** A catalog model by id, or one of this browser's saved custom models. */
  async resolveModel(modelId: string, deviceHash: string): Promise<ReflectionModel | undefined> {
    const fromCatalog = findModel(modelId);
    if (fromCatalog) return fromCatalog;
    if (!/^[0-9a-f-]{36}$/.test(modelId)) return undefined;
    const saved = await this.store.customModels.find(modelId, deviceHash);
    const parsed = modelSchema.safeParse(saved?.model);
    return parsed.success ? parsed.data : undefined;
  }

  private newParticipant(
    sessionId: string,
    displayName: string,
    role: Role,
    index: number,
  ): ParticipantRecord {
    return {
      id: randomUUID(),
      sessionId,
      displayName,
      role,
      colour: colourFor(index),
      removed: false,
      userId: null,
    };
  }
}
