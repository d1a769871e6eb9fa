import type { ListProjectsData } from '../../api/client';

type ProjectQuery = NonNullable<ListProjectsData['query']>;

/** The list's filters live in the URL under French names, so a filtered list can be bookmarked. */
export const FILTER_PARAMS = {
  appel: 'callId',
  axe: 'axisCode',
  departement: 'departmentCode',
  statut: 'status',
  public: 'targetPublic',
  recherche: 'search',
  tri: 'sort',
} as const satisfies Record<string, keyof ProjectQuery>;

export type FilterParam = keyof typeof FILTER_PARAMS;

export function queryFromParams(params: URLSearchParams): ProjectQuery {
  const query: Record<string, string> = {};
  for (const [param, field] of Object.entries(FILTER_PARAMS)) {
    const value = params.get(param);
    if (value) query[field] = value;
  }
  return query as ProjectQuery;
}
