import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { login, logout, getMe, ok, type SessionUserDto } from '../api/client';
import { ApiError } from '../api/errors';

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
      await ok(logout()).catch(() => undefined);
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
