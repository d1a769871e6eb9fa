/**
 * PostgreSQL text and jsonb cannot hold the NUL character (U+0000): a string carrying one would
 * fail in the database, after the validation that should have refused it. This names each field
 * of a request (body or query) that carries one, as `axes.0.label`, so that the answer is a 400.
 */
export function fieldsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'body'] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(key.includes('\u0000') ? [join(path, key)] : []),
    ...fieldsWithNul(v, join(path, key)),
  ]);
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
