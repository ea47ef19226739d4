import { LiveConnection } from './live-client.ts';

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/**
 * A browser over HTTP with a cookie jar that keeps every cookie it was given (the sign-in cookie
 * and the device cookie), as the team routes need both.
 */
export class CookieBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly origin?: string,
  ) {}

  get cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  cookieValue(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const sent: Record<string, string> = { ...headers };
    if (body !== undefined) sent['content-type'] = 'application/json';
    if (this.cookies.size > 0) sent.cookie = this.cookie;
    if (this.origin) sent.origin = this.origin;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: sent,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  /** A live connection to a session with this browser's cookies. */
  connect(sessionId: string): LiveConnection {
    return new LiveConnection(this.baseUrl, sessionId, this.cookie);
  }
}

/** Signs up a new account in a fresh browser; the email is made unique per call. */
export async function signUp(
  baseUrl: string,
  displayName: string,
): Promise<CookieBrowser & { userId: string; displayName: string }> {
  const browser = new CookieBrowser(baseUrl);
  const email = `${displayName.toLowerCase().replace(/[^a-z]/g, '')}-${crypto.randomUUID()}@example.org`;
  const answer = await browser.request<{ user: { id: string } }>('POST', '/api/auth/signup', {
    email,
    password: 'correct horse battery',
    displayName,
  });
  if (answer.status !== 201) {
    throw new Error(`sign-up failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return Object.assign(browser, { userId: answer.body.user.id, displayName });
}
