/**
 * Whether `text` is exactly how a browser writes an http(s) origin (RFC 6454 §6.2, as the URL
 * standard serializes it): lowercase `http(s)://host[:port]`, the port left out when it is the
 * scheme's default, and no user, password, path, query, fragment or second origin.
 */
export function isSerializedOrigin(text: string): boolean {
  if (!text.startsWith('http://') && !text.startsWith('https://')) return false;
  try {
    // The URL parser forgives a great deal (case, `user@`, a trailing `/`, `127.1`, `:080`);
    // requiring its serialization to give back the very text forgives none of it.
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}

/** A Host header as `host[:port]` in the origin's scheme (default port dropped), if it is one. */
function hostFor(protocol: string, host: string): string | undefined {
  if (!/^[^\s/\\?#@,]+$/.test(host)) return undefined;
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return undefined;
  }
}

/**
 * Browsers send Origin on WebSocket handshakes and cross-site requests, and WebSockets are not
 * covered by CORS, so the server checks it itself. Allowed: no Origin (not a browser, so not a
 * confused deputy); or exactly one Origin, serialized as a browser does it (anything else is no
 * browser's, and lenient parsing is how a foreign origin passes for ours), that is the server's
 * own host or is listed in ALLOWED_ORIGINS.
 *
 * `origin` is every Origin header the request carried (Node's `headersDistinct.origin`), or one.
 */
export function isAllowedOrigin(
  origin: string | readonly string[] | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (origin === undefined) return true;
  const only = typeof origin === 'string' ? origin : origin.length === 1 ? origin[0] : undefined;
  if (only === undefined || !isSerializedOrigin(only)) return false;
  if (allowedOrigins.includes(only)) return true;
  if (host === undefined) return false;
  const url = new URL(only);
  return hostFor(url.protocol, host) === url.host;
}
