import { formatFen, parseYuan } from '../i18n/format.js';
import type { Label } from '../i18n/labels.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import type { Problem } from '../lib/problems.js';

// The bureau's editors (policies, cases, packages, vouchers) are forms over flat records. Each is described as
// data, once: the field kinds and the bounds of its API schema (src/content/*/schemas.ts). The same description
// draws the form, checks it, and turns it into the request body.

export const MAX_FEN = 100_000_000_000_000;

interface Base {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  required?: boolean;
}
export type FieldSpec = Base &
  (
    | {
        kind: 'text' | 'textarea';
        min?: number;
        max: number;
        pattern?: RegExp;
        patternKey?: MessageKey;
        nullable?: boolean;
      }
    | { kind: 'select'; options: readonly string[]; labels: Record<string, Label> }
    | { kind: 'multi'; options: readonly string[]; labels: Record<string, Label>; minItems?: number }
    | { kind: 'date' }
    | { kind: 'checkbox' }
    | { kind: 'yuan'; minFen?: number; nullable?: boolean }
    | { kind: 'integer'; min: number; max: number }
    | {
        kind: 'list';
        maxItems: number;
        itemMin?: number;
        itemMax: number;
        minItems?: number;
        pattern?: RegExp;
        patternKey?: MessageKey;
      }
  );

export type SpecValue = string | boolean | string[];
export type SpecValues = Record<string, SpecValue>;
export type SpecErrors = Record<string, Problem>;

/** Lists are typed one item per line, or separated by commas (either width), 、 or semicolons. */
export const splitItems = (text: string) =>
  text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: string) =>
  DATE.test(v) &&
  !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

function fieldProblem(spec: FieldSpec, value: SpecValue): Problem | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  switch (spec.kind) {
    case 'text':
    case 'textarea':
      if (!text) return spec.required ? { key: 'form.required' } : undefined;
      if (spec.min && text.length < spec.min) return { key: 'listingForm.tooShort', vars: { min: spec.min } };
      if (text.length > spec.max) return { key: 'listingForm.tooLong', vars: { max: spec.max } };
      return spec.pattern && !spec.pattern.test(text) ? { key: spec.patternKey ?? 'admin.invalid' } : undefined;
    case 'select':
      return spec.options.includes(String(value)) ? undefined : { key: 'form.required' };
    case 'multi': {
      const chosen = value as string[];
      return chosen.length < (spec.minItems ?? 0) ? { key: 'admin.chooseOne' } : undefined;
    }
    case 'date':
      if (!text) return spec.required ? { key: 'form.required' } : undefined;
      return validDate(text) ? undefined : { key: 'terms.date' };
    case 'checkbox':
      return undefined;
    case 'yuan': {
      if (!text) return spec.required ? { key: 'form.required' } : undefined;
      const fen = parseYuan(text);
      if (fen === null) return { key: 'listingForm.money' };
      if (fen > MAX_FEN) return { key: 'listingForm.moneyMax' };
      return fen < (spec.minFen ?? 0) ? { key: 'terms.moneyPositive' } : undefined;
    }
    case 'integer': {
      if (!text) return spec.required ? { key: 'form.required' } : undefined;
      const n = Number(text);
      return /^\d+$/.test(text) && n >= spec.min && n <= spec.max
        ? undefined
        : { key: 'terms.integerRange', vars: { min: spec.min, max: spec.max } };
    }
    case 'list': {
      const items = splitItems(text);
      if (items.length < (spec.minItems ?? 0)) return spec.minItems ? { key: 'form.required' } : undefined;
      if (items.length > spec.maxItems) return { key: 'listingForm.tooMany', vars: { max: spec.maxItems } };
      if (new Set(items).size !== items.length) return { key: 'listingForm.duplicate' };
      if (items.some((i) => i.length > spec.itemMax || i.length < (spec.itemMin ?? 1)))
        return { key: 'listingForm.tooLong', vars: { max: spec.itemMax } };
      return spec.pattern && items.some((i) => !spec.pattern!.test(i))
        ? { key: spec.patternKey ?? 'admin.invalid' }
        : undefined;
    }
  }
}

export function validateSpec(specs: FieldSpec[], values: SpecValues): SpecErrors {
  const errors: SpecErrors = {};
  for (const spec of specs) {
    const problem = fieldProblem(spec, values[spec.name] ?? '');
    if (problem) errors[spec.name] = problem;
  }
  return errors;
}

/** The request body: trimmed text (null or left out when empty), fen, numbers, booleans, arrays. */
export function specToInput(specs: FieldSpec[], values: SpecValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = values[spec.name];
    const text = typeof value === 'string' ? value.trim() : '';
    switch (spec.kind) {
      case 'checkbox':
        out[spec.name] = value === true;
        break;
      case 'multi':
        out[spec.name] = value;
        break;
      case 'list':
        out[spec.name] = splitItems(text);
        break;
      case 'select':
        out[spec.name] = value;
        break;
      case 'integer':
        if (text) out[spec.name] = Number(text);
        break;
      case 'yuan':
        if (text) out[spec.name] = parseYuan(text);
        else if (spec.nullable) out[spec.name] = null;
        break;
      default:
        if (text) out[spec.name] = text;
        else if ('nullable' in spec && spec.nullable) out[spec.name] = null;
    }
  }
  return out;
}

/** A stored record back into form values (money as yuan, lists one per line). */
export function specFromRecord(specs: FieldSpec[], record: Record<string, unknown>, empty: SpecValues): SpecValues {
  const values: SpecValues = { ...empty };
  for (const spec of specs) {
    const v = record[spec.name];
    if (v === undefined || v === null) continue;
    if (spec.kind === 'checkbox') values[spec.name] = v === true;
    else if (spec.kind === 'multi') values[spec.name] = Array.isArray(v) ? v.map(String) : [];
    else if (spec.kind === 'list') values[spec.name] = Array.isArray(v) ? v.join('\n') : String(v);
    else if (spec.kind === 'yuan') values[spec.name] = typeof v === 'number' ? formatFen(v).slice(1) : '';
    else values[spec.name] = String(v);
  }
  return values;
}
