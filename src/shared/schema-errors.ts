import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

// Schema checks that answer as the API does: a list of { path, message }, for an HTTP 400's `errors`.

export interface FieldError {
  path: string;
  message: string;
}

/** A string with at least one character that is not blank: a field of blanks is as empty as a missing one. */
export const NOT_BLANK = '\\S';

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

// Most payloads are valid: a compiled check (once per schema) answers those; the errors are listed only for the rest.
const compiled = new WeakMap<TSchema, ReturnType<typeof Compile>>();

/**
 * The field errors of a value against a schema, one per field, with paths as the API names them
 * (`payments.1.amount`). `patterns` words the failures of the caller's own patterns.
 */
export function schemaErrors(
  schema: TSchema,
  value: unknown,
  patterns: Readonly<Record<string, string>> = {},
): FieldError[] {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = Compile(schema)));
  if (check.Check(value)) return [];
  const raw = Value.Errors(schema, value) as unknown as SchemaError[];
  const out: FieldError[] = [];
  for (const e of raw) {
    const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const at = (key: string) => (base ? `${base}.${key}` : key);
    if (e.keyword === 'required') {
      for (const key of e.params.requiredProperties as string[]) out.push({ path: at(key), message: 'is required' });
    } else if (e.keyword === 'additionalProperties') {
      for (const key of e.params.additionalProperties as string[])
        out.push({ path: at(key), message: 'is not an allowed property' });
    } else if (e.keyword === 'boolean') {
      // Reported once more, by the parent's additionalProperties error above.
    } else if (e.keyword === 'enum') {
      out.push({ path: base, message: `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}` });
    } else if (e.keyword === 'pattern') {
      out.push({
        path: base,
        message:
          (e.params.pattern === NOT_BLANK ? 'must not be blank' : patterns[e.params.pattern as string]) ?? e.message,
      });
    } else if (e.keyword === 'format' && e.params.format === 'date') {
      out.push({ path: base, message: 'must be a calendar date (YYYY-MM-DD)' });
    } else {
      out.push({ path: base, message: e.message });
    }
  }
  return firstPerPath(out);
}

// One message per field is enough to fix it (`0.5` is both "not an integer" and "below 1").
function firstPerPath(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.path) && seen.add(e.path));
}
