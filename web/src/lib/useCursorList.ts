import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.js';

export interface CursorList<T> {
  items: T[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
}

/** Pages through a `{ items, nextCursor }` list, appending each page ("load more"). */
export function useCursorList<T>(
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<CursorList<T>['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  const controller = useRef<AbortController | null>(null);

  const fetchPage = useCallback((from: string | undefined) => {
    controller.current?.abort();
    const current = (controller.current = new AbortController());
    setStatus('loading');
    loadRef.current(from, current.signal).then(
      (page) => {
        if (current.signal.aborted) return;
        setItems((prev) => (from ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setStatus('ready');
      },
      (err: unknown) => {
        if (current.signal.aborted) return;
        setError(err);
        setStatus('error');
      },
    );
  }, []);

  useEffect(() => {
    fetchPage(undefined);
    return () => controller.current?.abort();
  }, [fetchPage]);

  // After a failed page, "load more" retries that page; before the first answer it retries the first.
  const loadMore = useCallback(() => fetchPage(cursor ?? undefined), [cursor, fetchPage]);
  return { items, status, error, hasMore: typeof cursor === 'string', loadMore };
}
