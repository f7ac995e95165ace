import type { TokenPair } from './types.js';

// Where the session lives. The SPA talks to its API without cookies (the API is bearer-only, CORS closed,
// no CSRF surface), so the tokens must be readable by script; localStorage keeps a login across reloads and
// tabs. The risk is script injection reading them, which we bound three ways: the access token is
// short-lived, the refresh token is rotated on every use (a stolen, already-used one revokes the whole
// family server-side), and the app never renders untrusted HTML (CSP script-src 'self'; highlights are
// re-sanitised to <mark> only).

export interface TokenStore {
  get(): TokenPair | null;
  set(pair: TokenPair): void;
  clear(): void;
  /** Called on every change, including changes made by another tab. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const ACCESS = 'tte.accessToken';
const REFRESH = 'tte.refreshToken';
const EXPIRES = 'tte.expiresIn';

export function localStorageTokens(storage: Storage = window.localStorage): TokenStore {
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  return {
    get() {
      const accessToken = storage.getItem(ACCESS);
      const refreshToken = storage.getItem(REFRESH);
      if (!accessToken || !refreshToken) return null;
      return { accessToken, refreshToken, expiresIn: Number(storage.getItem(EXPIRES) ?? 0) };
    },
    set(pair) {
      storage.setItem(ACCESS, pair.accessToken);
      storage.setItem(REFRESH, pair.refreshToken);
      storage.setItem(EXPIRES, String(pair.expiresIn));
      emit();
    },
    clear() {
      storage.removeItem(ACCESS);
      storage.removeItem(REFRESH);
      storage.removeItem(EXPIRES);
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      const onStorage = (e: StorageEvent) => {
        if (e.key === null || e.key === ACCESS || e.key === REFRESH) listener();
      };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', onStorage);
      };
    },
  };
}

/** A store that lives only in memory: for tests and for browsers where storage is blocked. */
export function memoryTokens(initial: TokenPair | null = null): TokenStore {
  let pair = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => pair,
    set(next) {
      pair = next;
      listeners.forEach((l) => l());
    },
    clear() {
      pair = null;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
