/** Every GET a browser of the session could make, with its device cookie: status and raw body. */
export async function getAll(
  baseUrl: string,
  paths: readonly string[],
  cookie: string,
): Promise<Array<{ path: string; status: number; body: string }>> {
  const answers: Array<{ path: string; status: number; body: string }> = [];
  for (const path of paths) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    answers.push({ path, status: response.status, body: await response.text() });
  }
  return answers;
}

/** The GET routes the server has, and the ones an attacker would guess at. */
export function sessionGetPaths(sessionId: string, joinCode: string): string[] {
  return [
    `/api/sessions/${sessionId}`,
    `/api/join/${joinCode}`,
    '/api/models',
    '/healthz',
    '/readyz',
    '/',
    `/api/sessions/${sessionId}/notes`,
    `/api/sessions/${sessionId}/board`,
    `/api/sessions/${sessionId}/export`,
    `/api/sessions/${sessionId}/events`,
    `/yjs/session/${sessionId}/board`,
    '/socket.io/?EIO=4&transport=polling',
  ];
}
