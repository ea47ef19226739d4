import { createHash, randomBytes } from 'node:crypto';

/**
 * A browser is known by a random device secret in an httpOnly cookie. The database keeps only its
 * SHA-256, so neither a database reader nor a log line can act as the participant.
 */
export const deviceCookieName = 'rf_device';
export const deviceCookieMaxAgeSeconds = 180 * 24 * 60 * 60;

export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDeviceSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Accepts only what `newDeviceSecret` makes: 43 base64url characters. */
export function isDeviceSecret(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Reads one cookie from a raw Cookie header (WebSocket handshakes bypass Fastify's parser). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/** The device hash carried by a request's Cookie header, if it holds a well-formed secret. */
export function deviceHashFromCookieHeader(header: string | undefined): string | undefined {
  const secret = readCookie(header, deviceCookieName);
  return isDeviceSecret(secret) ? hashDeviceSecret(secret) : undefined;
}
