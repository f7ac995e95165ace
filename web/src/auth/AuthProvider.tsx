import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { client as defaultClient } from '../api/index.js';
import type { ApiClient } from '../api/client.js';
import { endpoints } from '../api/endpoints.js';
import type { RegisterInput, Session, User } from '../api/types.js';

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated';

export interface Auth {
  status: AuthStatus;
  user: User | null;
  login(email: string, password: string): Promise<User>;
  register(input: RegisterInput): Promise<User>;
  logout(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Holds the signed-in user. The token store is the source of truth: when the API client clears it (a refused
 * refresh) or another tab logs in or out, the user here follows.
 */
export function AuthProvider({ children, client = defaultClient }: { children: ReactNode; client?: ApiClient }) {
  const api = useMemo(() => endpoints(client), [client]);
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<AuthStatus>(() => (client.tokens.get() ? 'loading' : 'anonymous'));

  // Read inside the token listener, which must not re-subscribe on every render.
  const userRef = useRef<User | null>(null);

  useEffect(() => {
    let controller: AbortController | null = null;
    const signOut = () => {
      controller?.abort();
      userRef.current = null;
      setUser(null);
      setStatus('anonymous');
    };
    const loadUser = () => {
      controller?.abort();
      const current = (controller = new AbortController());
      setStatus('loading');
      api.me(current.signal).then(
        (me) => {
          userRef.current = me;
          setUser(me);
          setStatus('authenticated');
        },
        // A refused session has already cleared the tokens; a network failure keeps them for the next load.
        () => {
          if (!current.signal.aborted) signOut();
        },
      );
    };
    if (client.tokens.get()) loadUser();
    const unsubscribe = client.tokens.subscribe(() => {
      if (!client.tokens.get()) signOut();
      // Tokens arrived without a user here: another tab logged in.
      else if (!userRef.current) loadUser();
    });
    return () => {
      controller?.abort();
      unsubscribe();
    };
  }, [api, client]);

  const start = useCallback(
    (session: Session) => {
      userRef.current = session.user;
      client.tokens.set(session);
      setUser(session.user);
      setStatus('authenticated');
      return session.user;
    },
    [client],
  );

  const value = useMemo<Auth>(
    () => ({
      status,
      user,
      login: async (email, password) => start(await api.login(email, password)),
      register: async (input) => start(await api.register(input)),
      logout: async () => {
        const pair = client.tokens.get();
        client.tokens.clear();
        // Revoking server-side is best effort: the local session is gone either way.
        if (pair) await api.logout(pair.refreshToken).catch(() => undefined);
      },
    }),
    [api, client, start, status, user],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() needs an <AuthProvider> above it');
  return auth;
}
