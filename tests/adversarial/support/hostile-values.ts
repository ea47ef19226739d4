import fc from 'fast-check';

/**
 * Values an attacker puts where the server expects something else: every JSON type, keys that
 * JavaScript treats specially, strings that databases, terminals and Unicode treat specially, and
 * sizes up to the 64 KB message cap.
 */

/** Keys with a meaning of their own to JavaScript objects, parsers or Socket.IO. */
export const specialKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'toJSON',
  'then',
  'length',
  '_placeholder',
  'num',
  'commandId',
  '',
] as const;

/** Strings that have broken parsers, databases and renderers elsewhere. */
export const specialStrings = [
  '',
  ' ',
  '\u0000',
  'note\u0000text',
  '\ud800',
  'lone \udfff surrogate',
  '\ud83d\ude00',
  'e\u0301\u0301\u0301',
  '\u202eevil',
  '\u200b',
  '\ufeff',
  '\uffff',
  '\u2028\u2029',
  '\r\n\t\v\f',
  '\\',
  '"',
  "'; drop table notes; --",
  '%00%zz%',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e400',
  'null',
  'true',
  '[]',
  '{}',
  '𝕳𝖊𝖑𝖑𝖔',
  'İıß',
  ' '.repeat(1001),
  'x'.repeat(8001),
] as const;

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 3, arbitrary: fc.constantFrom(...specialStrings) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'é', '😀', '\u0000', ' '), fc.integer({ min: 0, max: 30_000 }))
      .map(([unit, count]) => unit.repeat(count)),
  },
);

/** Characters that databases, JSON and Unicode treat specially. */
export const oddCharacters = [
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\ud83d\ude00',
  '\u0301',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\u2028',
  '\\',
  '"',
  "'",
  '\n',
] as const;

/** Ordinary text with odd characters inside: what passes a length check and reaches the store. */
export const oddText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.array(fc.constantFrom(...oddCharacters), { minLength: 1, maxLength: 3 }),
      fc.string({ maxLength: 12 }),
    )
    .map(([before, odd, after]) => `${before}${odd.join('')}${after}`),
  hostileString,
);

/** Numbers at the edges: JSON cannot carry NaN or Infinity, so these are what it can. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1e21,
    1e308,
    -1e308,
    5e-324,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
  ),
);

/** An object with own keys such as `__proto__`, as JSON.parse would make it on the server. */
function objectWith(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...specialKeys),
  fc.string({ maxLength: 12 }),
);

/** Any JSON value, with hostile leaves and keys, nested a few levels. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    hostileNumber,
    hostileString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc
      .array(fc.tuple(hostileKey, tie('value')), { maxLength: 5 })
      .map((entries) => objectWith(entries)),
  ),
})).value;

/**
 * JSON written out as text: values nested deeper than JSON.stringify can go (the server's
 * JSON.parse takes them), and big ones that would be slow to build as objects.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** Big and deep values that still fit the 64 KB cap once encoded. */
export const bulkyJson: fc.Arbitrary<JsonText> = fc.oneof(
  fc
    .integer({ min: 1, max: 30_000 })
    .map((depth) => new JsonText(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc
    .integer({ min: 1, max: 4_000 })
    .map((depth) => new JsonText(`${'{"__proto__":'.repeat(depth)}null${'}'.repeat(depth)}`)),
  fc
    .integer({ min: 1, max: 6_000 })
    .map(
      (count) =>
        new JsonText(`{${Array.from({ length: count }, (_, i) => `"k${i}":${i}`).join(',')}}`),
    ),
  fc
    .integer({ min: 1, max: 20_000 })
    .map((count) => new JsonText(`[${Array.from({ length: count }, () => '0').join(',')}]`)),
);

/**
 * Serializes a generated value: JSON, except that own keys such as `__proto__` are kept,
 * `JsonText` is written as it is, and each `Uint8Array` is handed to `attach`, which returns what
 * stands in its place (a Socket.IO attachment placeholder).
 */
export function writeJson(value: unknown, attach: (bytes: Uint8Array) => unknown): string {
  if (value instanceof JsonText) return value.text;
  if (value instanceof Uint8Array) return writeJson(attach(value), attach);
  if (Array.isArray(value)) return `[${value.map((item) => writeJson(item, attach)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).map(
      (key) =>
        `${JSON.stringify(key)}:${writeJson((value as Record<string, unknown>)[key], attach)}`,
    );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What goes where an object is expected: hostile objects, and values of every other type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileJson },
  { weight: 1, arbitrary: bulkyJson },
);

export const binaryBlob: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.integer({ min: 0, max: 60_000 }).map((length) => new Uint8Array(length).fill(7)),
);

/** Percent-encodes a string's UTF-8 bytes (lone surrogates included, which encodeURIComponent refuses). */
export function percentEncoded(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-_.~]/.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

export { objectWith };
