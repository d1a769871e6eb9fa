import { DomainError, type NotFoundCode } from '../errors/domain-error';

/**
 * The not-found getter services share: the row, or the 404 of the lib's `<entity>.not_found` code.
 * Repositories return `null` for a missing row; services decide whether that is a 404.
 */
export function found<T>(row: T | null | undefined, code: NotFoundCode, id?: string): T {
  if (row === null || row === undefined) throw DomainError.notFound(code, id);
  return row;
}
