import type { ReactNode } from 'react';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from './ErrorAlert';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

interface Props<T> {
  /** Caption read by screen readers and shown above the table. */
  caption: string;
  queryKey: QueryKey;
  /** Fetches one page (`limit`/`offset` as the API's collections take them). */
  fetchPage: (page: { limit: number; offset: number }) => Promise<Page<T>>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  pageSize?: number;
  empty?: string;
  /** The URL parameter holding the page number; give each table its own when a page shows several. */
  pageParam?: string;
}

/**
 * A table over one of the API's `{ items, total }` collections, paginated by limit/offset. The page
 * number lives in the URL (`?page=`), so the browser's back button and shared links keep it.
 */
export function PaginatedTable<T>({
  caption,
  queryKey,
  fetchPage,
  columns,
  rowKey,
  pageSize = 20,
  empty,
  pageParam = 'page',
}: Props<T>) {
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get(pageParam)) || 1);
  const offset = (page - 1) * pageSize;
  const query = useQuery({
    queryKey: [...queryKey, { limit: pageSize, offset }],
    queryFn: () => fetchPage({ limit: pageSize, offset }),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <p role="status">Chargement…</p>;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const { items, total } = query.data;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <div className="fr-table fr-table--no-caption-top">
        <table>
          <caption>
            {caption} — {total} résultat{total > 1 ? 's' : ''}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={columns.length}>{empty ?? 'Aucun résultat.'}</td>
              </tr>
            )}
            {items.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.header}>{column.cell(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 && (
        <Pagination
          count={pageCount}
          defaultPage={page}
          getPageLinkProps={(n) => ({ to: withPage(params, pageParam, n) })}
          showFirstLast
        />
      )}
    </>
  );
}

function withPage(params: URLSearchParams, pageParam: string, page: number): string {
  const next = new URLSearchParams(params);
  next.set(pageParam, String(page));
  return `?${next.toString()}`;
}
