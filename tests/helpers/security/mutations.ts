import fc from 'fast-check';
import { validArbitrary, type JsonSchema } from './arbitrary.js';

/**
 * Requests that are wrong on purpose, derived from a route's schemas: wrong types, missing and extra properties,
 * hostile and huge strings, prototype-pollution keys, numbers JSON can carry but JavaScript cannot, deep nesting.
 * Bodies are built as raw JSON text, so that what JSON.stringify cannot write (1e400, -0, "__proto__" keys)
 * still reaches the server.
 */

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\n\u000b\f\r',
  '\u202Egnp.exe',
  '\u200B\uFEFF',
  '\uD800',
  '\uDFFF',
  '😀'.repeat(40),
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '%00',
  '\r\nX-Injected: 1',
  '=HYPERLINK("http://evil.example")',
  '@SUM(1+1)',
  '-1',
  '1e400',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  '9'.repeat(40),
  'İ',
  'ǅ',
  '\u0130\u0131',
  '%E4%B8%AD',
  '\\',
  '"',
  'a\\u0000',
];

export const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'hasOwnProperty',
  'toString',
];

// Numbers written as JSON text: each is valid JSON and a trap for integer and money handling.
const RAW_NUMBERS = [
  '1e400',
  '-1e400',
  '-0',
  '9007199254740993',
  '-9007199254740993',
  '1.5',
  '-1',
  '0.1',
  '1e-400',
  '123456789012345678901234567890',
];

const wrongTyped = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 300, maxLength: 3000 }) },
);

/** A value as raw JSON text: either JSON of a JS value, or a raw token JSON.stringify cannot produce. */
class Raw {
  constructor(readonly text: string) {}
}
const raw = (text: string) => new Raw(text);

/** Serialises a value tree in which some leaves are raw JSON tokens, keeping own "__proto__" keys. */
export function toJsonText(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${toJsonText((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** An object with these own entries, even for keys like "__proto__" that assignment would not create. */
function own(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const deepNesting = fc
  .integer({ min: 2_000, max: 40_000 })
  .map((depth) => raw(`${'['.repeat(depth)}${']'.repeat(depth)}`));
const hugeString = fc.constantFrom(5_000, 120_000, 1_200_000).map((n) => 'A'.repeat(n));
const pollution = fc.constantFrom(...POLLUTION_KEYS).map((k) =>
  own([
    [
      k,
      own([
        ['polluted', true],
        ['prototype', own([['polluted', true]])],
      ]),
    ],
  ]),
);

/** Leaves an object may be given in place of a valid value. */
const badLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: wrongTyped },
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_NUMBERS).map(raw) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: pollution },
);

/** Mutates one valid object: drop a required key, add an unknown or polluting key, or spoil one property. */
function mutateObject(schema: JsonSchema, base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const required = (schema.required ?? []).filter((k) => k in base);
  const options: fc.Arbitrary<unknown>[] = [
    fc
      .tuple(fc.constantFrom(...POLLUTION_KEYS, 'isAdmin', 'role', 'organizationId', 'status', 'id'), badLeaf)
      .map(([k, v]) => own([...Object.entries(base), [k, v]])),
  ];
  if (required.length)
    options.push(fc.constantFrom(...required).map((drop) => own(Object.entries(base).filter(([k]) => k !== drop))));
  if (keys.length) {
    options.push(
      fc
        .tuple(fc.constantFrom(...keys), badLeaf)
        .map(([k, v]) => own(Object.entries(base).map(([key, old]) => [key, key === k ? v : old]))),
    );
  }
  return fc.oneof(...options);
}

/** A body text that is most likely invalid for this schema. */
export function mutatedBody(schema: JsonSchema): fc.Arbitrary<string> {
  const valid = validArbitrary(schema);
  const spoiled = valid.chain((v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? mutateObject(schema, v as Record<string, unknown>) : badLeaf,
  );
  return fc
    .oneof({ weight: 6, arbitrary: spoiled }, { weight: 2, arbitrary: badLeaf }, { weight: 1, arbitrary: pollution })
    .map(toJsonText);
}

export type QueryPairs = [string, string][];

/** Query pairs from a value of the query schema: arrays repeat the key, as browsers do. */
export function toQueryPairs(v: Record<string, unknown>): QueryPairs {
  const pairs: QueryPairs = [];
  for (const [k, value] of Object.entries(v)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined) pairs.push([k, String(item)]);
    }
  }
  return pairs;
}

const badQueryValue = fc.oneof(
  hostileString,
  fc.constantFrom(
    'abc',
    '-1',
    '0',
    '1.5',
    '1e400',
    '99999999999999999999',
    'true',
    'false',
    '',
    '%',
    'a&b=c',
    'x'.repeat(10_000),
  ),
);

/** Query pairs that are most likely invalid: a spoiled or repeated value, an unknown or polluting key. */
export function mutatedQuery(schema: JsonSchema): fc.Arbitrary<QueryPairs> {
  return validArbitrary(schema).chain((v) => {
    const pairs = toQueryPairs((v ?? {}) as Record<string, unknown>);
    const names = Object.keys(schema.properties ?? {});
    const options: fc.Arbitrary<QueryPairs>[] = [
      fc
        .tuple(fc.constantFrom(...POLLUTION_KEYS, 'unknownParam'), badQueryValue)
        .map(([k, val]) => [...pairs, [k, val]]),
      fc
        .constantFrom(...POLLUTION_KEYS)
        .map((k): QueryPairs => [...pairs, [`${k}[polluted]`, 'true'], [`${k}.polluted`, 'true']]),
    ];
    if (names.length) {
      options.push(
        fc
          .tuple(fc.constantFrom(...names), badQueryValue)
          .map(([k, val]) => [...pairs.filter(([n]) => n !== k), [k, val]]),
      );
      options.push(
        fc
          .tuple(fc.constantFrom(...names), fc.array(badQueryValue, { minLength: 2, maxLength: 4 }))
          .map(([k, vals]) => [...pairs, ...vals.map((val): [string, string] => [k, val])]),
      );
    }
    return fc.oneof(...options);
  });
}

/** A path parameter that is not an id of anything. */
export const mutatedPathParam = fc.oneof(
  hostileString.filter((s) => s.length > 0),
  fc.constantFrom('0', 'null', 'undefined', '..', 'zz_000000000000000000000'),
);
