/** A leaf of the terms: a scalar, or a whole element (or list of elements) that appeared or went. */
export type TermsLeaf =
  string | number | boolean | null | Record<string, unknown> | Record<string, unknown>[] | undefined;
export interface TermsChange {
  path: string;
  from: TermsLeaf;
  to: TermsLeaf;
}
const leaf = (v: unknown) => v as TermsLeaf;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What changed between two sets of terms (e.g. one proposal and the next), leaf by leaf: objects by key, arrays
 * by index, paths dotted (`milestones.1.amount`, `""` for the whole value). A key or element that appears has
 * `from: undefined`; one that disappears has `to: undefined`.
 */
export function diffTerms(a: unknown, b: unknown): TermsChange[] {
  return diffAt(a, b, '');
}

function diffAt(a: unknown, b: unknown, path: string): TermsChange[] {
  if (Object.is(a, b)) return [];
  const join = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(a) && Array.isArray(b)) {
    const changes: TermsChange[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) changes.push({ path: join(i), from: undefined, to: leaf(b[i]) });
      else if (i >= b.length) changes.push({ path: join(i), from: leaf(a[i]), to: undefined });
      else changes.push(...diffAt(a[i], b[i], join(i)));
    }
    return changes;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    return keys.flatMap((key) => {
      if (!Object.hasOwn(b, key)) return [{ path: join(key), from: leaf(a[key]), to: undefined }];
      if (!Object.hasOwn(a, key)) return [{ path: join(key), from: undefined, to: leaf(b[key]) }];
      return diffAt(a[key], b[key], join(key));
    });
  }
  return [{ path, from: leaf(a), to: leaf(b) }];
}
