/**
 * The `?next=` return path of the sign-in and sign-up pages, kept only when it is a path on this
 * site: an absolute URL, a protocol-relative `//host` or a backslash trick would turn the page
 * into an open redirect.
 */
export function safeNextPath(raw: string | null | undefined, fallback = '/account'): string {
  if (!raw || raw.length > 2000) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  // Browsers drop tabs and newlines from URLs, so `/\t/evil.example` would become `//evil.example`.
  if ([...raw].some((char) => char <= ' ' || char === '\u007f' || char === '\\')) return fallback;
  const base = 'https://reflectory.invalid';
  try {
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** The sign-in (or sign-up) link that comes back to `path` afterwards. */
export function withNext(page: '/signin' | '/signup', path: string | undefined): string {
  return path ? `${page}?next=${encodeURIComponent(path)}` : page;
}
