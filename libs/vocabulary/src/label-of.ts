/**
 * A code's word when the code comes typed loosely (an API list typed `string[]`): the code itself if
 * the table has no word for it, so an unknown value shows rather than vanishes.
 */
export function labelOf<K extends string | number>(table: Record<K, string>, code: string | number): string {
  return (table as Record<string | number, string | undefined>)[code] ?? String(code);
}
