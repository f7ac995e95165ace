import fc from 'fast-check';

/** The JSON Schema subset that the OpenAPI document (OpenAPI 3.0 dialect) uses for bodies and parameters. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  maxProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  nullable?: boolean;
  default?: unknown;
}

// Generated strings and arrays stay short: the point is the shape, and huge values are a mutation of their own.
const SPAN = 24;
// One code point per unit (so JSON Schema's code-point lengths hold): ASCII and common Chinese characters.
const TEXT_UNIT = fc.oneof(
  fc.constantFrom(...'abcdefXYZ0123456789 -_.,'.split('')),
  fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
);
const codePoints = (s: string) => [...s].length;

function withinLength(s: JsonSchema) {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Number.MAX_SAFE_INTEGER;
  return (v: string) => codePoints(v) >= min && codePoints(v) <= max;
}

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const fits = withinLength(s);
  const maxLength = Math.min(s.maxLength ?? SPAN, (s.minLength ?? 0) + SPAN);
  switch (s.format) {
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'uri':
      return fc.webUrl({ validSchemes: ['https'] }).filter(fits);
  }
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  return fc.string({ unit: TEXT_UNIT, minLength: s.minLength ?? 0, maxLength });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin =
    typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : s.exclusiveMinimum === true ? s.minimum : undefined;
  const exMax =
    typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : s.exclusiveMaximum === true ? s.maximum : undefined;
  const min = Math.max(exMin !== undefined ? exMin + 1 : (s.minimum ?? -1e9), Number.MIN_SAFE_INTEGER);
  const max = Math.min(exMax !== undefined ? exMax - 1 : (s.maximum ?? 1e9), Number.MAX_SAFE_INTEGER);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function typesOf(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.properties) return ['object'];
  if (s.items) return ['array'];
  return [];
}

export interface ValidOptions {
  /** Only required properties (plus as many optional ones as minProperties asks for): the smallest valid value. */
  requiredOnly?: boolean;
}

/** Values that satisfy the schema. */
export function validArbitrary(s: JsonSchema, opts: ValidOptions = {}): fc.Arbitrary<unknown> {
  const inner = baseArbitrary(s, opts);
  return s.nullable && !opts.requiredOnly ? fc.option(inner, { nil: null, freq: 8 }) : inner;
}

function baseArbitrary(s: JsonSchema, opts: ValidOptions): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => validArbitrary(b, opts)));
  const types = typesOf(s);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type) => {
      switch (type) {
        case 'string':
          return stringArbitrary(s);
        case 'integer':
          return numberArbitrary(s, true);
        case 'number':
          return numberArbitrary(s, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return arrayArbitrary(s, opts);
        case 'object':
          return objectArbitrary(s, opts);
        default:
          throw new Error(`No arbitrary for JSON Schema type ${type}: teach tests/helpers/security/arbitrary.ts`);
      }
    }),
  );
}

function arrayArbitrary(s: JsonSchema, opts: ValidOptions): fc.Arbitrary<unknown[]> {
  const item = s.items ? validArbitrary(s.items, opts) : fc.jsonValue({ maxDepth: 1 });
  const minLength = s.minItems ?? 0;
  const maxLength = Math.min(s.maxItems ?? 5, minLength + 5);
  return s.uniqueItems
    ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
    : fc.array(item, { minLength, maxLength });
}

function objectArbitrary(s: JsonSchema, opts: ValidOptions): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = (s.required ?? []).filter((k) => k in props);
  const optional = Object.keys(props).filter((k) => !required.includes(k));
  // PATCH bodies require no property but at least one (minProperties): promote the first optional ones.
  const promoted = optional.slice(0, Math.max(0, (s.minProperties ?? 0) - required.length));
  const keys = opts.requiredOnly ? [...required, ...promoted] : Object.keys(props);
  const model = Object.fromEntries(keys.map((k) => [k, validArbitrary(props[k], opts)]));
  const record = fc.record(model, { requiredKeys: [...required, ...promoted] });
  if (!s.minProperties || opts.requiredOnly) return record;
  return record.filter((o) => Object.keys(o).length >= (s.minProperties ?? 0));
}
