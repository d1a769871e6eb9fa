/**
 * Splits an amount of cents between departments by declared shares (basis points; equal shares
 * when none is declared) so that the parts add up to the amount exactly: each part is rounded down,
 * and the cents left go one by one to the largest remainders (ties: first department in order).
 */
export function splitCents(
  amount: number,
  departments: readonly { code: string; shareBp: number | null }[],
): Map<string, number> {
  const parts = new Map<string, number>();
  if (departments.length === 0) return parts;
  const declared = departments.every((d) => d.shareBp !== null) && departments.some((d) => (d.shareBp ?? 0) > 0);
  const weights = departments.map((d) => (declared ? (d.shareBp ?? 0) : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (amount * w) / totalWeight);
  const floors = exact.map(Math.floor);
  let left = amount - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x - floors[i] }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    floors[i] += 1;
    left -= 1;
  }
  departments.forEach((d, i) => parts.set(d.code, floors[i]));
  return parts;
}
