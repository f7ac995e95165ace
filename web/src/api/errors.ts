// The one error type the app handles: every failed call (problem+json, a non-JSON error page from a proxy,
// or no answer at all) becomes an ApiError, so pages switch on `code` and never parse responses themselves.

export interface FieldError {
  path: string;
  message: string;
}

/** Codes from API.md, plus NETWORK_ERROR (no answer) and HTTP_ERROR (an error without problem+json). */
export type ApiErrorCode =
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'INVALID_TRANSITION'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'NETWORK_ERROR'
  | 'HTTP_ERROR'
  | (string & {});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    path: typeof e.path === 'string' ? e.path : '',
    message: typeof e.message === 'string' ? e.message : '',
  }));
}

const FALLBACK_CODE: Record<number, ApiErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Turns a failed response into an ApiError, whatever its body. */
export async function toApiError(res: Response): Promise<ApiError> {
  const fallbackCode = FALLBACK_CODE[res.status] ?? (res.status >= 500 ? 'INTERNAL' : 'HTTP_ERROR');
  const type = res.headers.get('content-type') ?? '';
  if (/json/i.test(type)) {
    const body: unknown = await res.json().catch(() => null);
    if (isRecord(body)) {
      const code = typeof body.code === 'string' && body.code ? body.code : fallbackCode;
      const detail =
        typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : res.statusText;
      const status = typeof body.status === 'number' ? body.status : res.status;
      return new ApiError(status, code, detail, fieldErrors(body.errors));
    }
  }
  return new ApiError(res.status, fallbackCode, res.statusText || `HTTP ${res.status}`);
}

export const networkError = (cause: unknown) =>
  new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'The request could not be sent');

export const isApiError = (e: unknown, code?: ApiErrorCode): e is ApiError =>
  e instanceof ApiError && (!code || e.code === code);
