import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/index.js';
import { FINAL_STATUSES, type OfferingView } from './types.js';

// Why polling, not a push channel (WebSocket or server-sent events): the API runs as several server processes
// with no shared pub/sub between them, so a bid taken by one process would not reach a stream held open by
// another without new infrastructure; a plain GET works through every process, through compression and
// proxies that buffer or cut long-lived streams, and resumes by itself after a network drop. At the scale of
// an offering — a handful of registered bidders — a 2 s poll while bidding is a few requests a second in all,
// and a bid shows on the other bidders' screens within about 2 s, well inside the 5-minute extension window.
// While listed nothing moves fast (registrations), so 15 s — except in the last two minutes, when the round is
// about to open; a final offering never changes, so no poll.

export const POLL_BIDDING_MS = 2_000;
export const POLL_LISTED_MS = 15_000;
const NEAR_END_MS = 2 * 60_000;

export function pollInterval(offering: OfferingView): number | null {
  if (FINAL_STATUSES.includes(offering.status)) return null;
  if (offering.status === 'bidding') return POLL_BIDDING_MS;
  const left = Date.parse(offering.endsAt) - Date.parse(offering.serverTime);
  return left < NEAR_END_MS ? POLL_BIDDING_MS : POLL_LISTED_MS;
}

export interface LiveOffering {
  data: OfferingView | undefined;
  error: unknown;
  /** Server time minus this browser's time when the data arrived: countdowns run on the server's clock. */
  skewMs: number;
  refresh(): Promise<OfferingView | undefined>;
  set(next: OfferingView): void;
}

const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';

/**
 * GET /api/offerings/:id, polled while it can still change and the tab is visible. The previous answer stays on
 * screen while the next one loads (no flicker); a failed poll keeps it and tries again at the next tick.
 */
export function useLiveOffering(id: string): LiveOffering {
  const [data, setData] = useState<OfferingView | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [skewMs, setSkew] = useState(0);
  const [shown, setShown] = useState(visible);
  const controller = useRef<AbortController | null>(null);

  const set = useCallback((next: OfferingView) => {
    setSkew(Date.parse(next.serverTime) - Date.now());
    setData(next);
    setError(null);
  }, []);

  const refresh = useCallback(async () => {
    controller.current?.abort();
    const current = (controller.current = new AbortController());
    try {
      const next = await api.getOffering(id, current.signal);
      if (current.signal.aborted) return undefined;
      set(next);
      return next;
    } catch (err) {
      if (!current.signal.aborted) setError(err);
      return undefined;
    }
  }, [id, set]);

  useEffect(() => {
    setData(undefined);
    void refresh();
    return () => controller.current?.abort();
  }, [refresh]);

  useEffect(() => {
    const onChange = () => setShown(visible());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  // Coming back to the tab: fetch at once rather than at the next tick.
  const wasShown = useRef(shown);
  useEffect(() => {
    if (shown && !wasShown.current) void refresh();
    wasShown.current = shown;
  }, [shown, refresh]);

  // One timer per answer (and per failure): the next poll is scheduled after the previous one settled, so slow
  // answers never pile up.
  const interval = data ? pollInterval(data) : null;
  useEffect(() => {
    if (!shown || interval === null) return;
    const timer = setTimeout(() => void refresh(), interval);
    return () => clearTimeout(timer);
  }, [shown, interval, data, error, refresh]);

  return { data, error, skewMs, refresh, set };
}
