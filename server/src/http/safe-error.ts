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
