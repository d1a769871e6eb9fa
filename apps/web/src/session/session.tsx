import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { login, logout, getMe, ok, proConnectLogout, type SessionUserDto } from '../api/client';
import { ApiError } from '../api/errors';
import { fetchSignInOptions, SIGN_IN_OPTIONS_KEY } from '../api/queries';

/** A screen-level permission of the signed-in person, as `/api/auth/me` computes it from the API's policies. */
export type Capability = keyof SessionUserDto['capabilities'];

interface Session {
  user: SessionUserDto | null;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
export const SESSION_KEY = ['session'] as const;

/** Who is signed in and what it may open, from `/api/auth/me` (the cookie set at login); null when nobody is. */
async function fetchMe(): Promise<SessionUserDto | null> {
  try {
    return await ok(getMe());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Ends the session; one opened with ProConnect ends at the provider too: the browser then goes to its
 * end-session page, which sends it back to the login page.
 */
async function signOut(queryClient: QueryClient): Promise<void> {
  const proconnect = await queryClient
    .fetchQuery({ queryKey: SIGN_IN_OPTIONS_KEY, queryFn: fetchSignInOptions, staleTime: Infinity })
    .then(
      (options) => options.proconnect,
      () => false,
    );
  if (!proconnect) return void (await ok(logout()));
  const { endSessionUrl } = await ok(proConnectLogout());
  if (endSessionUrl) window.location.assign(endSessionUrl);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: SESSION_KEY, queryFn: fetchMe, staleTime: Infinity, retry: false });
  if (me.isPending) return <p className="fr-container fr-my-4w">Chargement…</p>;

  const session: Session = {
    user: me.data ?? null,
    async login(email, password) {
      await ok(login({ body: { email, password } }));
      // The login answers the account; what it may open comes with /me, on the cookie just set.
      queryClient.setQueryData(SESSION_KEY, await fetchMe());
    },
    async logout() {
      await signOut(queryClient).catch(() => undefined);
      queryClient.setQueryData(SESSION_KEY, null);
      // Forget what the previous person saw; the session query stays, observed by this provider.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    },
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
