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

/**
 * What is wrong with declared shares (basis points) for a project in `departmentCodes`, or null when
 * they name each of its departments exactly once and add up to 100 % (10 000).
 */
export function sharesProblem(
  departmentCodes: readonly string[],
  shares: readonly { departmentCode: string; shareBp: number }[],
): string | null {
  const named = shares.map((s) => s.departmentCode);
  const strangers = named.filter((code) => !departmentCodes.includes(code));
  if (strangers.length > 0) return `departmentShares: ${strangers.join(', ')} not a department of the project`;
  const missing = departmentCodes.filter((code) => !named.includes(code));
  if (missing.length > 0 || new Set(named).size !== named.length)
    return `departmentShares: each department of the project exactly once (${departmentCodes.join(', ')})`;
  const total = shares.reduce((sum, s) => sum + s.shareBp, 0);
  return total === 10_000 ? null : `departmentShares: shares add up to ${total / 100} %, not 100 %`;
}

/** The shares a project's departments declare, or none when they are shared equally. */
export function declaredShares(
  rows: readonly { departmentCode: string; shareBp: number | null }[],
): { departmentCode: string; shareBp: number }[] {
  if (rows.length === 0 || rows.some((r) => r.shareBp === null)) return [];
  return rows.map((r) => ({ departmentCode: r.departmentCode, shareBp: r.shareBp! }));
}
