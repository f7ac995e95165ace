import type { ReactNode } from 'react';
import { isApiError, type ApiErrorCode } from '../api/errors.js';
import type { Resource } from '../lib/useResource.js';
import { Empty, ErrorState, Loading } from './states.js';

/** The codes that mean "no such thing" for a page addressed by an id in its URL: a malformed id names nothing. */
export const MISSING_BY_ID: ApiErrorCode[] = ['NOT_FOUND', 'VALIDATION_FAILED'];

/**
 * Draws a loaded resource, or its loading, empty or error state. A 404 reads as "nothing here" rather than
 * a failure: a block whose backing route is absent stays quiet instead of alarming the reader.
 */
export function ResourceView<T>({
  resource,
  minHeight,
  isEmpty,
  empty,
  missingCodes = ['NOT_FOUND'],
  children,
}: {
  resource: Resource<T> & { reload(): void };
  minHeight?: string;
  isEmpty?(data: T): boolean;
  empty?: ReactNode;
  missingCodes?: ApiErrorCode[];
  children(data: T): ReactNode;
}) {
  if (resource.status === 'loading') return <Loading minHeight={minHeight} />;
  if (resource.status === 'error') {
    if (missingCodes.some((code) => isApiError(resource.error, code)))
      return <Empty minHeight={minHeight}>{empty}</Empty>;
    return <ErrorState error={resource.error} onRetry={resource.reload} minHeight={minHeight} />;
  }
  if (isEmpty?.(resource.data)) return <Empty minHeight={minHeight}>{empty}</Empty>;
  return <>{children(resource.data)}</>;
}
