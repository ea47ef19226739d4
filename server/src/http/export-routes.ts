import { ErrorCode, uuidSchema, type ReflectionSummary } from '@reflectory/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserSessions } from '../auth/user-sessions.ts';
import type { Store } from '../db/store.ts';
import { toCsv } from '../exports/csv.ts';
import { exportAccess, type ExportAccess } from '../exports/export-access.ts';
import { toMarkdown } from '../exports/markdown.ts';
import { loadSummary } from '../exports/summary-source.ts';
import { exportFileName } from '../exports/wording.ts';
import type { RoomRegistry } from '../sessions/room-registry.ts';
import type { SessionService } from '../sessions/session-service.ts';
import { sendError } from './errors.ts';
import { parseInput } from './parse.ts';
import { existingDeviceHash } from './session-routes.ts';

export interface ExportRouteDeps {
  store: Store;
  sessions: SessionService;
  rooms: RoomRegistry;
  userSessions: UserSessions;
}

export const exportFormats = {
  json: {
    contentType: 'application/json; charset=utf-8',
    render: (summary: ReflectionSummary) => `${JSON.stringify(summary, null, 2)}\n`,
  },
  md: { contentType: 'text/markdown; charset=utf-8', render: toMarkdown },
  csv: { contentType: 'text/csv; charset=utf-8', render: toCsv },
} as const;
export type ExportFormat = keyof typeof exportFormats;

const noSuchSession = 'There is no such session, or its summary is not yours to see.';

/**
 * A session's summary: `GET /api/sessions/:id/summary` for the summary page, and
 * `GET /api/sessions/:id/summary.{json,md,csv}` as downloads, each recorded in a team's audit log.
 */
export function registerExportRoutes(app: FastifyInstance, deps: ExportRouteDeps): void {
  /** Who asks and what they may read; answers the refusal itself when they may not. */
  async function authorized(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
  ): Promise<
    | { access: Extract<ExportAccess, { ok: true }>; summary: ReflectionSummary; sessionId: string }
    | undefined
  > {
    // A download is a GET that writes to the audit log: another site's link must not make one
    // in the reader's name (SameSite=Lax still sends cookies on a top-level click).
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      sendError(reply, ErrorCode.forbidden, 'Open the summary from Reflectory itself.');
      return undefined;
    }
    const id = parseInput(uuidSchema, request.params.id);
    if (!id.ok) {
      sendError(reply, ErrorCode.notFound, noSuchSession);
      return undefined;
    }
    const sessionId = id.data.toLowerCase();
    const access = await exportAccess(deps.store, deps.sessions, sessionId, {
      deviceHash: existingDeviceHash(request),
      user: await deps.userSessions.currentUser(request),
    });
    if (!access.ok) {
      sendError(reply, access.code, access.message);
      return undefined;
    }
    const summary = await loadSummary(deps.store, deps.rooms, sessionId);
    if (!summary) {
      sendError(reply, ErrorCode.notFound, noSuchSession);
      return undefined;
    }
    // A summary holds what people wrote: no cache keeps a copy.
    reply.header('cache-control', 'no-store');
    return { access, summary, sessionId };
  }

  app.get<{ Params: { id: string } }>(
    '/api/sessions/:id/summary',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const found = await authorized(request, reply);
      if (!found) return reply;
      return found.summary;
    },
  );

  for (const format of Object.keys(exportFormats) as ExportFormat[]) {
    app.get<{ Params: { id: string } }>(
      `/api/sessions/:id/summary.${format}`,
      { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const found = await authorized(request, reply);
        if (!found) return reply;
        const { access, summary, sessionId } = found;
        if (access.teamId !== null) {
          await deps.store.audit.append({
            teamId: access.teamId,
            sessionId,
            actorUserId: access.actorUserId,
            actorName: access.actorName,
            action: 'session.exported',
            details: { format },
            at: new Date(),
          });
        }
        request.log.info({ sessionId, format }, 'summary exported');
        const fileName = exportFileName(summary.title, summary.createdAt, format);
        return reply
          .header('content-type', exportFormats[format].contentType)
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(exportFormats[format].render(summary));
      },
    );
  }
}
