import type { FastifyBaseLogger } from 'fastify';

const perConnection = 5;

/**
 * Logs refused input at warn, with ids and a reason but never the payload (which may hold note
 * text). After a few lines per connection it stays quiet, so a hostile client cannot flood logs.
 */
export function refusalLogger(log: FastifyBaseLogger, context: Record<string, unknown>) {
  let count = 0;
  return (reason: string, details: Record<string, unknown> = {}) => {
    count += 1;
    if (count > perConnection) return;
    log.warn({ ...context, ...details, suppressingAfter: perConnection }, `refused: ${reason}`);
  };
}
