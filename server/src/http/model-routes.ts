import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  modelCatalog,
  modelSchema,
  uuidSchema,
  type ReflectionModel,
} from '@reflectory/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../db/store.ts';
import { sendError } from './errors.ts';
import { parseInput } from './parse.ts';

interface ModelRouteDeps {
  store: Store;
  checkOrigin: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  existingDeviceHash: (request: FastifyRequest) => string | undefined;
  ensureDevice: (request: FastifyRequest, reply: FastifyReply) => string;
}

const maxCustomModels = 100;

/**
 * The catalog of reflection models, and each browser's own custom models. Until accounts exist,
 * a custom model belongs to the browser (device cookie) that composed it.
 */
export function registerModelRoutes(app: FastifyInstance, deps: ModelRouteDeps): void {
  app.get('/api/models', async (request) => {
    const deviceHash = deps.existingDeviceHash(request);
    const saved = deviceHash ? await deps.store.customModels.listByDevice(deviceHash) : [];
    const mine: ReflectionModel[] = [];
    for (const record of saved) {
      const parsed = modelSchema.safeParse(record.model);
      if (parsed.success) mine.push({ ...parsed.data, id: record.id });
    }
    return { catalog: modelCatalog, mine };
  });

  app.post(
    '/api/models',
    { preHandler: deps.checkOrigin, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const input = parseInput(modelSchema, {
        ...(request.body as object),
        id: 'custom',
        kind: 'custom',
      });
      if (!input.ok) return sendError(reply, input.error.code, input.error.message);
      const deviceHash = deps.ensureDevice(request, reply);
      const existing = await deps.store.customModels.listByDevice(deviceHash);
      if (existing.length >= maxCustomModels) {
        return sendError(
          reply,
          ErrorCode.conflict,
          `You can keep at most ${maxCustomModels} custom models; delete one first.`,
        );
      }
      const id = randomUUID();
      const model: ReflectionModel = { ...input.data, id };
      await deps.store.customModels.save(id, deviceHash, model);
      return reply.status(201).send({ model });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/models/:id',
    { preHandler: deps.checkOrigin },
    async (request, reply) => {
      const id = parseInput(uuidSchema, request.params.id);
      const deviceHash = deps.existingDeviceHash(request);
      if (!id.ok || !deviceHash || !(await deps.store.customModels.remove(id.data, deviceHash))) {
        return sendError(reply, ErrorCode.notFound, 'There is no such model of yours.');
      }
      return reply.status(204).send();
    },
  );
}
