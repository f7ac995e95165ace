import type { FieldError } from '../api/errors.js';
import type { MessageKey } from '../i18n/zh-CN.js';

/** A form problem: a message key and the values its placeholders need. Translated only when shown. */
export interface Problem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export const hasProblems = (errors: object) => Object.values(errors).some(Boolean);

/**
 * The server's field errors (`body.terms.price`, `body.ipNumbers.0`) under the form's own field names: `prefix`
 * is stripped, and a path the form does not know is left to the caller (shown as a form-level message).
 */
export function serverProblems(
  errors: FieldError[],
  prefix: string,
): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const e of errors) {
    if (e.path.startsWith(prefix)) {
      const field = e.path.slice(prefix.length);
      if (!fields[field]) fields[field] = e.message;
    } else other.push(e.message ? `${e.path}: ${e.message}` : e.path);
  }
  return { fields, other };
}
