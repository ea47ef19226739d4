import fc from 'fast-check';
import {
  hostileJson,
  hostileKey,
  hostileValue,
  objectWith,
  oddText,
  specialStrings,
} from './hostile-values.ts';

/**
 * Payloads made from a zod schema itself: valid ones, and near-valid ones that differ from a valid
 * one in a single place (a field of the wrong type, missing, one past a bound, odd Unicode), so
 * that every check of every field is reached, not only the first.
 *
 * The schema is read structurally (zod 4's `_zod.def`), so the fuzzer follows the schema as it
 * changes instead of a copy of it.
 */
export type Shape =
  | { kind: 'object'; fields: Array<{ key: string; shape: Shape; optional: boolean }> }
  | { kind: 'string'; min: number; max: number; format: string | null; pattern: RegExp | null }
  | { kind: 'number'; min: number; max: number; int: boolean }
  | { kind: 'boolean' }
  | { kind: 'enum'; options: string[] }
  | { kind: 'nullable'; inner: Shape }
  | { kind: 'unknown' };

interface CheckDef {
  check?: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
}

interface SchemaLike {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, SchemaLike>;
      innerType?: SchemaLike;
      in?: SchemaLike;
      checks?: Array<{ _zod: { def: CheckDef } }>;
    };
  };
  minLength?: number | null;
  maxLength?: number | null;
  format?: string | null;
  options?: unknown[];
}

const longest = 100_000;

/** Reads what a zod schema accepts, as far as the fuzzer needs to know. */
export function shapeOf(schema: unknown): Shape {
  const zod = schema as SchemaLike;
  const def = zod._zod.def;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  switch (def.type) {
    case 'object':
      return {
        kind: 'object',
        fields: Object.entries(def.shape ?? {}).map(([key, field]) => ({
          key,
          shape: shapeOf(field),
          optional: field._zod.def.type === 'optional',
        })),
      };
    case 'optional':
    case 'default':
      return shapeOf(def.innerType);
    case 'nullable':
      return { kind: 'nullable', inner: shapeOf(def.innerType) };
    case 'pipe':
      return shapeOf(def.in);
    case 'string':
      return {
        kind: 'string',
        min: zod.minLength ?? 0,
        max: zod.maxLength ?? longest,
        format: zod.format ?? null,
        pattern: checks.find((check) => check.format === 'regex')?.pattern ?? null,
      };
    case 'number': {
      let min = -Number.MAX_SAFE_INTEGER;
      let max = Number.MAX_SAFE_INTEGER;
      for (const check of checks) {
        if (check.check === 'greater_than' && check.value !== undefined) {
          min = check.inclusive ? check.value : check.value + 1;
        }
        if (check.check === 'less_than' && check.value !== undefined) {
          max = check.inclusive ? check.value : check.value - 1;
        }
      }
      const int = checks.some((check) => check.format === 'safeint' || check.format === 'int32');
      return { kind: 'number', min, max, int };
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'enum', options: (zod.options ?? []).map(String) };
    default:
      return { kind: 'unknown' };
  }
}

/** Values the fuzzer should use for a field, by its name: real ids of the session, say. */
export type FieldHints = Readonly<Record<string, fc.Arbitrary<unknown>>>;

const words = ['A note', 'Follow up', 'Theme', 'ok', 'Étude 📝', 'x'];

function stringWithin(min: number, max: number): fc.Arbitrary<string> {
  const top = Math.min(max, longest);
  const fitting = words.filter((word) => word.length >= min && word.length <= top);
  return fc.oneof(
    fc.constantFrom(...fitting, 'z'.repeat(min), 'y'.repeat(top)),
    fc.string({ minLength: min, maxLength: Math.min(top, Math.max(min, 40)) }),
  );
}

/** ISO date-times across the whole range the format allows, its ends and offsets included. */
const dateTime = fc.oneof(
  fc
    .date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59-23:59',
    '2026-06-01T10:00:00+02:00',
    '1970-01-01T00:00:00.000000001Z',
  ),
);

/** A value the schema accepts. */
export function validOf(shape: Shape, hints: FieldHints = {}, key = ''): fc.Arbitrary<unknown> {
  const hint = hints[key];
  if (hint) return hint;
  switch (shape.kind) {
    case 'object': {
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const field of shape.fields) {
        record[field.key] = validOf(field.shape, hints, field.key);
        if (!field.optional) required.push(field.key);
      }
      return fc.record(record, { requiredKeys: required });
    }
    case 'string':
      if (shape.format === 'uuid') return fc.uuid();
      if (shape.format === 'email') return fc.emailAddress();
      if (shape.format === 'datetime') return dateTime;
      if (shape.pattern) return fc.stringMatching(shape.pattern);
      return stringWithin(shape.min, shape.max);
    case 'number':
      return shape.int
        ? fc.oneof(
            fc.integer({ min: shape.min, max: shape.max }),
            fc.constantFrom(shape.min, shape.max),
          )
        : fc.double({ min: shape.min, max: shape.max, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...shape.options);
    case 'nullable':
      return fc.oneof(fc.constant(null), validOf(shape.inner, hints, key));
    case 'unknown':
      return hostileJson;
  }
}

/** Values just outside what the schema accepts for one field, or odd ones just inside. */
function nearMissOf(shape: Shape): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string': {
      const edges: unknown[] = ['', 'y'.repeat(Math.min(shape.max, longest) + 1)];
      if (shape.min > 1) edges.push('y'.repeat(shape.min - 1));
      if (shape.format === 'uuid') {
        edges.push(
          '00000000-0000-0000-0000-000000000000',
          'ffffffff-ffff-ffff-ffff-ffffffffffff',
          '{6a2f41a3-c54c-fce8-32d2-0324e1c32e22}',
          '6A2F41A3-C54C-4CE8-B2D2-0324E1C32E22',
          '6a2f41a3c54c4ce8b2d20324e1c32e22',
          '6a2f41a3-c54c-4ce8-b2d2-0324e1c32e22\n',
        );
      }
      return fc.oneof(
        fc.constantFrom(...edges),
        fc.constantFrom(...specialStrings),
        fc.string({ unit: 'binary', maxLength: 64 }),
      );
    }
    case 'number':
      return fc.constantFrom(
        shape.min - 1,
        shape.max + 1,
        shape.min + 0.5,
        -0,
        1e308,
        -1e308,
        2 ** 53 + 2,
        String(shape.min),
      );
    case 'boolean':
      return fc.constantFrom('true', 0, 1, 'false', null);
    case 'enum':
      return fc.constantFrom(
        ...shape.options.map((option) => option.toUpperCase()),
        ...shape.options.map((option) => ` ${option}`),
        'facilitator',
        '__proto__',
        '',
      );
    case 'nullable':
      return nearMissOf(shape.inner);
    case 'object':
      return fc.oneof(
        fc.constant({}),
        fc.constant([]),
        fc
          .array(fc.tuple(hostileKey, hostileJson), { maxLength: 4 })
          .map((entries) => objectWith(entries)),
      );
    case 'unknown':
      return hostileJson;
  }
}

/** Dotted paths of every field, nested ones included. */
function fieldPaths(shape: Shape, prefix: string[] = []): Array<{ path: string[]; shape: Shape }> {
  const inner = shape.kind === 'nullable' ? shape.inner : shape;
  if (inner.kind !== 'object') return [];
  return inner.fields.flatMap((field) => [
    { path: [...prefix, field.key], shape: field.shape },
    ...fieldPaths(field.shape, [...prefix, field.key]),
  ]);
}

const deleteField = Symbol('delete');

function withField(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head = '', ...rest] = path;
  const object =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? objectWith(Object.entries(value))
      : {};
  if (rest.length === 0 && replacement === deleteField) {
    delete (object as Record<string, unknown>)[head];
    return object;
  }
  const next = withField((object as Record<string, unknown>)[head], rest, replacement);
  return objectWith([
    ...Object.entries(object).filter(([key]) => key !== head),
    [head, next] as const,
  ]);
}

export type Mutation =
  'valid' | 'odd text' | 'field' | 'missing' | 'extra keys' | 'not an object' | 'random';

/** Free text: a string field with no format, no pattern and no hint (names, titles, notes). */
function isFreeText(field: { path: string[]; shape: Shape }, hints: FieldHints): boolean {
  const shape = field.shape.kind === 'nullable' ? field.shape.inner : field.shape;
  const key = field.path.at(-1) ?? '';
  return shape.kind === 'string' && shape.format === null && !shape.pattern && !hints[key];
}

/**
 * A payload for a schema: valid, or valid but for one thing. Returns the mutation made, so that a
 * failure says what kind of input it was.
 */
export function payloadOf(
  schema: unknown,
  hints: FieldHints = {},
  /** Payloads known to be accepted as well as parsed (aimed at things that exist), if any. */
  good?: fc.Arbitrary<unknown>,
): fc.Arbitrary<{ mutation: Mutation; payload: unknown }> {
  const shape = shapeOf(schema);
  const valid = good
    ? fc.oneof({ weight: 1, arbitrary: validOf(shape, hints) }, { weight: 2, arbitrary: good })
    : validOf(shape, hints);
  const paths = fieldPaths(shape);
  const pick = <T>(items: readonly T[], index: number) => items[index % items.length];
  const mutated = (mutation: Mutation, payload: fc.Arbitrary<unknown>) =>
    payload.map((value) => ({ mutation, payload: value }));
  const options = [
    { weight: 3, arbitrary: mutated('valid', valid) },
    {
      weight: 2,
      arbitrary: mutated('random', fc.oneof(hostileValue, fc.constant(undefined))),
    },
    {
      weight: 1,
      arbitrary: mutated(
        'extra keys',
        fc
          .tuple(valid, fc.array(fc.tuple(hostileKey, hostileJson), { minLength: 1, maxLength: 4 }))
          .map(([base, extra]) => objectWith([...Object.entries(base as object), ...extra])),
      ),
    },
    {
      weight: 1,
      arbitrary: mutated(
        'not an object',
        fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.boolean(), fc.array(valid)),
      ),
    },
  ];
  const texts = paths.filter((field) => isFreeText(field, hints));
  if (texts.length > 0) {
    // Valid but for text that is odd in content: what reaches the rules and the store.
    options.push({
      weight: 4,
      arbitrary: mutated(
        'odd text',
        fc.tuple(valid, fc.nat(), oddText).map(([base, index, text]) => {
          const field = pick(texts, index);
          return field ? withField(base, field.path, text) : base;
        }),
      ),
    });
  }
  if (paths.length > 0) {
    options.push(
      {
        weight: 4,
        arbitrary: mutated(
          'field',
          fc.tuple(valid, fc.nat()).chain(([base, index]) => {
            const field = pick(paths, index);
            if (!field) return fc.constant(base);
            return fc
              .oneof(nearMissOf(field.shape), hostileJson)
              .map((replacement) => withField(base, field.path, replacement));
          }),
        ),
      },
      {
        weight: 1,
        arbitrary: mutated(
          'missing',
          fc.tuple(valid, fc.nat()).map(([base, index]) => {
            const field = pick(paths, index);
            return field ? withField(base, field.path, deleteField) : base;
          }),
        ),
      },
    );
  }
  return fc.oneof(...options);
}
