import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Live<T> {
  /** The last good answer: kept on screen while a reload runs, so the page does not jump. */
  data: T | undefined;
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  reload(): void;
  /** Replaces the data with a fresher copy the caller already has (the answer to a write). */
  set(data: T): void;
}

/**
 * Data that changes while it is on screen (a deal room): reloads when `deps` change or on request, and keeps
 * showing the previous answer meanwhile. A newer load aborts an older one.
 */
export function useLive<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Live<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [status, setStatus] = useState<Live<T>['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    loadRef.current(controller.signal).then(
      (next) => {
        if (!controller.signal.aborted) {
          setData(next);
          setStatus('ready');
        }
      },
      (err: unknown) => {
        if (!controller.signal.aborted) {
          setError(err);
          setStatus('error');
        }
      },
    );
    return () => controller.abort();
    // The caller's deps decide when to reload.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((next: T) => {
    setData(next);
    setStatus('ready');
  }, []);
  return { data, status, error, reload, set };
}
