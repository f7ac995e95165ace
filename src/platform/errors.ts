import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

// Stable error codes (API.md). A code decides the status; routes never pick a status themselves.
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  DEMAND_CLOSED: 409,
  NDA_CHANGED: 409,
  CONTRACT_CHANGED: 409,
  ADVICE_EXCEEDS_BALANCE: 409,
  ADVICE_CONFIRMED: 409,
  ADVICE_DISPUTED: 409,
  BID_TOO_LOW: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Validation failed',
  BAD_REQUEST: 'Bad request',
  UNAUTHENTICATED: 'Authentication required',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  REQUEST_TIMEOUT: 'Request timeout',
  VERSION_CONFLICT: 'Version conflict',
  INVALID_TRANSITION: 'Invalid transition',
  CONFLICT: 'Conflict',
  DEMAND_CLOSED: 'Demand closed',
  NDA_CHANGED: 'NDA text changed',
  CONTRACT_CHANGED: 'Contract text changed',
  ADVICE_EXCEEDS_BALANCE: 'Payment advice exceeds the balance due',
  ADVICE_CONFIRMED: 'Payment advice already confirmed',
  ADVICE_DISPUTED: 'Payment advice already disputed',
  BID_TOO_LOW: 'Bid too low',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  RATE_LIMITED: 'Too many requests',
  HEADERS_TOO_LARGE: 'Request header fields too large',
  INTERNAL: 'Internal server error',
  UNAVAILABLE: 'Service unavailable',
};

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    super(detail);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`);
export const validationFailed = (errors: FieldError[], detail = 'The request has invalid fields') =>
  new AppError('VALIDATION_FAILED', detail, { errors });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', additionalProperties: true },
);

/** The RFC 9457 body of an error (its headers travel apart). */
export function problemBody(err: AppError) {
  const { errors, headers: _headers, ...rest } = err.extra;
  return {
    type: `https://tech-transfer.example/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[err.code],
    status: err.status,
    detail: err.detail,
    code: err.code,
    ...(errors ? { errors } : {}),
    ...rest,
  };
}

export function sendProblem(reply: FastifyReply, err: AppError) {
  if (err.extra.headers) reply.headers(err.extra.headers);
  return reply.status(err.status).type('application/problem+json').send(problemBody(err));
}

interface AjvError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

function ajvToFieldErrors(errors: AjvError[], context: string | undefined): FieldError[] {
  const base = context ?? 'body';
  return errors.map((e) => {
    let path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties' && e.params?.additionalProperty) {
      path = path ? `${path}.${String(e.params.additionalProperty)}` : String(e.params.additionalProperty);
      message = 'is not an allowed property';
    } else if (e.keyword === 'required' && e.params?.missingProperty) {
      path = path ? `${path}.${String(e.params.missingProperty)}` : String(e.params.missingProperty);
      message = 'is required';
    } else if (e.keyword === 'enum' && Array.isArray(e.params?.allowedValues)) {
      message = `must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
    }
    return { path: path ? `${base}.${path}` : base, message };
  });
}

// Database driver errors that mean "the database is not reachable right now": answer 503, never 500.
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
  '08004',
]);

/** Whether an error, or one it wraps (drivers wrap database errors), carries one of these codes. */
export function hasCode(err: unknown, codes: Iterable<string>): boolean {
  const wanted = new Set(codes);
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e.code && wanted.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

const isUnavailable = (err: unknown) => hasCode(err, UNAVAILABLE_ERRNOS);

export function toAppError(err: FastifyError | Error | AppError): AppError | null {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fe.validation) return validationFailed(ajvToFieldErrors(fe.validation, fe.validationContext));
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than allowed');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('BAD_REQUEST', 'The request body is not valid JSON');
    case 'FST_JWT_NO_AUTHORIZATION_IN_HEADER':
    case 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED':
    case 'FST_JWT_AUTHORIZATION_TOKEN_INVALID':
    case 'FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED':
    case 'FST_JWT_BAD_REQUEST':
    case 'FST_JWT_BAD_COOKIE_REQUEST':
      return new AppError('UNAUTHENTICATED', 'A valid access token is required');
  }
  // Text the database cannot store (an encoding it refuses): the request's fault, never a 500.
  if (hasCode(err, ['22021', '22P05', '22P02', '22003']))
    return new AppError('VALIDATION_FAILED', 'The request contains a value the database cannot store');
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', 'Too many requests; try again later');
  if (isUnavailable(err))
    return new AppError('UNAVAILABLE', 'A dependency is unavailable; try again shortly', {
      headers: { 'retry-after': '5' },
    });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is larger than allowed');
    if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here');
    if (fe.statusCode === 404) return notFound();
    return new AppError('BAD_REQUEST', fe.message.slice(0, 300));
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const known = toAppError(err);
    if (known) {
      if (known.status >= 500) req.log.warn({ err }, known.detail);
      return sendProblem(reply, known);
    }
    // Unknown failures: log everything, answer nothing internal.
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, new AppError('INTERNAL', 'An unexpected error occurred'));
  });
}
