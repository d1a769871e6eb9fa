/**
 * Proportionate universalism's arithmetic (CONTRACT.md, "Equity"; docs/equity.md): territories ranked
 * from the least to the most deprived, their population-weighted fractional rank, their quintile, and
 * the concentration index of a quantity per inhabitant along that ranking. Pure, for unit tests on
 * worked examples; the service feeds it populations from the reference data and values from imports.
 */
export interface RankInput {
  code: string;
  /** Reference population; a territory of no population weighs nothing. */
  population: number;
  /** The indicator's value; null when the territory has none (it is left out). */
  value: number | null;
}

export type Quintile = 1 | 2 | 3 | 4 | 5;
export const QUINTILES: readonly Quintile[] = [1, 2, 3, 4, 5];

export type Ranked<T extends RankInput> = T & {
  value: number;
  /** R_i = (sum of the weights before i) + w_i / 2, exact. */
  rank: number;
  /** min(5, floor(5·R_i) + 1): 5 is the most deprived fifth of the population. */
  quintile: Quintile;
};

/**
 * Orders the territories with a value from the least to the most deprived (ascending values when a
 * higher value is worse, descending otherwise; ties by code, ascending, whatever the direction) and
 * gives each its fractional rank and quintile. The quintile is computed on integers (R_i = (2·before +
 * population_i) / (2·total)), so that a rank falling exactly on a fifth is not pushed down by rounding.
 */
export function rankByDeprivation<T extends RankInput>(territories: readonly T[], higherIsWorse: boolean): Ranked<T>[] {
  const valued = territories.filter((t): t is T & { value: number } => t.value !== null);
  const direction = higherIsWorse ? 1 : -1;
  valued.sort((a, b) => direction * (a.value - b.value) || compareCodes(a.code, b.code));
  const total = valued.reduce((sum, t) => sum + t.population, 0);
  let before = 0;
  return valued.map((t) => {
    const twiceRank = 2 * before + t.population;
    before += t.population;
    const rank = total === 0 ? 0 : twiceRank / (2 * total);
    const fifth = total === 0 ? 0 : Math.floor((5 * twiceRank) / (2 * total));
    return { ...t, rank, quintile: Math.min(5, fifth + 1) as Quintile };
  });
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The concentration index of `amount` per inhabitant along the ranking: (2 / μ) · Σ w_i · (y_i − μ) ·
 * (R_i − ½), with y_i = amount_i / population_i and μ = Σ w_i · y_i the mean per inhabitant. Between −1
 * and 1; above 0, the amount per inhabitant rises with deprivation. Null when nothing is distributed
 * (μ = 0), where the index means nothing.
 */
export function concentrationIndex<T extends RankInput>(
  ranked: readonly Ranked<T>[],
  amount: (t: Ranked<T>) => number,
): number | null {
  const total = ranked.reduce((sum, t) => sum + t.population, 0);
  if (total === 0) return null;
  const weighted = ranked.map((t) => ({
    w: t.population / total,
    y: t.population ? amount(t) / t.population : 0,
    r: t.rank,
  }));
  const mean = weighted.reduce((sum, t) => sum + t.w * t.y, 0);
  if (mean === 0) return null;
  return (2 / mean) * weighted.reduce((sum, t) => sum + t.w * (t.y - mean) * (t.r - 0.5), 0);
}

/** Rounds to 4 decimals, as the answers give ranks and indices. */
export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Amount per inhabitant, rounded to the cent; null for no population. */
export function perInhabitant(cents: number, population: number): number | null {
  return population > 0 ? Math.round(cents / population) : null;
}

/**
 * The five quintiles, always all of them, each with its population and the sums of `measures` over its
 * territories (zero for a quintile no territory falls in).
 */
export function sumByQuintile<T extends RankInput, K extends string>(
  ranked: readonly Ranked<T>[],
  measures: Record<K, (t: Ranked<T>) => number>,
): ({ quintile: Quintile; population: number } & Record<K, number>)[] {
  const keys = Object.keys(measures) as K[];
  return QUINTILES.map((quintile) => {
    const members = ranked.filter((t) => t.quintile === quintile);
    const sums = Object.fromEntries(
      keys.map((k) => [k, members.reduce((sum, t) => sum + measures[k](t), 0)]),
    ) as Record<K, number>;
    return { quintile, population: members.reduce((sum, t) => sum + t.population, 0), ...sums };
  });
}
