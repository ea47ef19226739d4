/**
 * How errors appear in logs. Database errors carry the failed query's parameters in their message
 * (note text, names, hashes), so for those only the kind and the SQLSTATE are kept. Everything
 * else keeps its first line and stack frames.
 */
export function serializeError(error: Error): {
  type: string;
  message: string;
  stack: string;
  code?: string;
} {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const causeCode = (error.cause as { code?: unknown } | undefined)?.code;
  const code = (error as { code?: unknown }).code ?? causeCode;
  const firstLine = error.message.split('\n')[0] ?? '';
  const fromDatabase = firstLine.startsWith('Failed query') || typeof causeCode === 'string';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '));
  return {
    type: error.name,
    ...(code === undefined ? {} : { code: String(code) }),
    message: fromDatabase ? 'database query failed (parameters withheld)' : firstLine.slice(0, 300),
    stack: frames.slice(0, 12).join('\n'),
  };
}

/** An invitation token in a path: `/invite/<token>` (the page) and `/api/invites/<token>[/accept]`. */
const inviteTokenInPath = /(\/invites?\/)[A-Za-z0-9_-]{43}(?=[/?#]|$)/g;

/**
 * How requests appear in logs: Fastify's usual fields, with an invitation link's token replaced.
 * A token is as good as the link itself, so a log reader must not get one; only its hash is kept.
 */
export function serializeRequest(request: {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number | undefined } | null;
}): { method: string; url: string; host?: string; remoteAddress?: string; remotePort?: number } {
  return {
    method: request.method,
    url: request.url.replace(inviteTokenInPath, '$1[token]'),
    ...(request.host === undefined ? {} : { host: request.host }),
    ...(request.ip === undefined ? {} : { remoteAddress: request.ip }),
    ...(request.socket?.remotePort === undefined ? {} : { remotePort: request.socket.remotePort }),
  };
}
