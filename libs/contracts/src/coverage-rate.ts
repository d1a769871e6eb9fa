/**
 * Covered population over the population it is part of: a fraction between 0 and 1, to four
 * decimals. Both are sums over the same reference communes (each commune once), so a part outside
 * [0, whole] means corrupt data: it is refused rather than reported as a rate above 1.
 */
export function rate(part: number, whole: number): number {
  if (part < 0 || part > whole) throw new Error(`coverage: covered population ${part} outside [0, ${whole}]`);
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}
