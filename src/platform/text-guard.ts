import type { FastifyInstance } from 'fastify';
import { validationFailed, type FieldError } from './errors.js';

// PostgreSQL text cannot hold U+0000, and no field of this product has a use for it: a NUL anywhere in a body or
// a query string is refused up front with the field named, instead of failing deep inside a transaction.
function nulPaths(value: unknown, path: string, out: FieldError[], depth = 0) {
  if (out.length >= 10 || depth > 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: 'must not contain the NUL character' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, `${path}.${i}`, out, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000'))
        // eslint-disable-next-line no-control-regex -- NUL is the character this guard names
        out.push({ path: `${path}.${k.replace(/\u0000/g, '\\0')}`, message: 'must not contain the NUL character' });
      nulPaths(v, `${path}.${k}`, out, depth + 1);
    }
  }
}

export function installTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const problems: FieldError[] = [];
    nulPaths(req.body, 'body', problems);
    nulPaths(req.query, 'querystring', problems);
    nulPaths(req.params, 'params', problems);
    if (problems.length) throw validationFailed(problems);
  });
}
