/**
 * Browsers send Origin on WebSocket handshakes and cross-site requests, and WebSockets are not
 * covered by CORS, so the server checks it itself. Allowed: no Origin (not a browser, so not a
 * confused deputy), the server's own host, or an origin in ALLOWED_ORIGINS.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (
      host !== undefined &&
      url.host === host &&
      (url.protocol === 'http:' || url.protocol === 'https:')
    );
  } catch {
    return false;
  }
}
