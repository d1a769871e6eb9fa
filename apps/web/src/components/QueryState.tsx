import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from './ErrorAlert';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';
import { ApiError } from '../api/errors';

/**
 * Renders a query's data once loaded: "Chargement…" while pending, the "Accès refusé" page on a 403
 * (e.g. another department's object), the French error otherwise.
 */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p role="status">Chargement…</p>;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 403) return <ForbiddenPage />;
    return <ErrorAlert error={query.error} />;
  }
  return <>{children(query.data)}</>;
}
