import { concentrationIndex, perInhabitant, rankByDeprivation, round4, sumByQuintile } from './deprivation-ranking';

const territory = (code: string, population: number, value: number | null, committed = 0) => ({
  code,
  population,
  value,
  committed,
});
/** Four territories of 100 inhabitants, A the least deprived when a higher value is worse. */
const four = (committed: [number, number, number, number]) =>
  ['A', 'B', 'C', 'D'].map((code, i) => territory(code, 100, i + 1, committed[i]));
const committedOf = (t: { committed: number }) => t.committed;

describe('ranking territories by deprivation', () => {
  it('gives each its population-weighted fractional rank and quintile, least deprived first', () => {
    const ranked = rankByDeprivation(four([0, 0, 0, 0]), true);
    expect(ranked.map((t) => [t.code, t.rank, t.quintile])).toEqual([
      ['A', 0.125, 1],
      ['B', 0.375, 2],
      ['C', 0.625, 4],
      ['D', 0.875, 5],
    ]);
  });

  it('reads a lower value as worse when the indicator says so (e.g. a median income)', () => {
    expect(rankByDeprivation(four([0, 0, 0, 0]), false).map((t) => t.code)).toEqual(['D', 'C', 'B', 'A']);
  });

  it('orders ties by code, ascending, whatever the direction', () => {
    const tied = [territory('34', 100, 2), territory('11', 100, 2), territory('09', 100, 1), territory('31', 100, 4)];
    expect(rankByDeprivation(tied, true).map((t) => t.code)).toEqual(['09', '11', '34', '31']);
    expect(rankByDeprivation(tied, false).map((t) => t.code)).toEqual(['31', '11', '34', '09']);
  });

  it('leaves out a territory without a value, the others sharing the whole population', () => {
    const ranked = rankByDeprivation([territory('A', 100, 1), territory('B', 300, null), territory('C', 100, 2)], true);
    expect(ranked.map((t) => [t.code, t.rank])).toEqual([
      ['A', 0.25],
      ['C', 0.75],
    ]);
  });

  it('puts a rank falling exactly on a fifth in the upper quintile, as floor(5·R) + 1 says', () => {
    // A: R = 4 / 40 = 0.1 → quintile 1; B: R = (8 + 16) / 40 = 0.6 → floor(3) + 1 = 4.
    const ranked = rankByDeprivation([territory('A', 4, 1), territory('B', 16, 2)], true);
    expect(ranked.map((t) => [t.rank, t.quintile])).toEqual([
      [0.1, 1],
      [0.6, 4],
    ]);
    // A's midpoint is exactly a fifth: R = 2 / 10 = 0.2 → floor(1) + 1 = 2, not 1 by a rounding error.
    const onAFifth = rankByDeprivation([territory('A', 2, 1), territory('B', 3, 2)], true);
    expect(onAFifth.map((t) => [t.rank, t.quintile])).toEqual([
      [0.2, 2],
      [0.7, 4],
    ]);
  });

  it('rounds ranks to four decimals for the answers', () => {
    const ranked = rankByDeprivation([territory('A', 1, 1), territory('B', 2, 2)], true);
    expect(ranked.map((t) => round4(t.rank))).toEqual([0.1667, 0.6667]);
  });
});

describe('the concentration index of funding per inhabitant along deprivation', () => {
  it('is 0 when every territory gets the same per inhabitant', () => {
    expect(concentrationIndex(rankByDeprivation(four([500, 500, 500, 500]), true), committedOf)).toBeCloseTo(0, 12);
  });

  it('is 1 − 1/n when all the funding goes to the most deprived of n equal territories', () => {
    expect(concentrationIndex(rankByDeprivation(four([0, 0, 0, 1000]), true), committedOf)).toBeCloseTo(0.75, 12);
  });

  it('is negative when funding per inhabitant falls with deprivation', () => {
    expect(concentrationIndex(rankByDeprivation(four([1000, 0, 0, 0]), true), committedOf)).toBeCloseTo(-0.75, 12);
  });

  it('weighs territories by population: a worked example', () => {
    // Ranked A (100 inh., 1 €/inh.), B (300 inh., 2 €/inh.): w = ¼, ¾; R = ⅛, ⅝; μ = 1.75 €/inh.
    // CI = (2 / 1.75) · (¼ · (1 − 1.75) · (⅛ − ½) + ¾ · (2 − 1.75) · (⅝ − ½)) = 0.107142857…
    const ranked = rankByDeprivation([territory('A', 100, 1, 100_00), territory('B', 300, 2, 600_00)], true);
    expect(round4(concentrationIndex(ranked, committedOf)!)).toBe(0.1071);
  });

  it('is null when nothing is committed, or nothing is ranked', () => {
    expect(concentrationIndex(rankByDeprivation(four([0, 0, 0, 0]), true), committedOf)).toBeNull();
    expect(concentrationIndex(rankByDeprivation([], true), committedOf)).toBeNull();
  });
});

describe('figures by quintile', () => {
  it('lists the five quintiles, an empty one with zeros', () => {
    const byQuintile = sumByQuintile(rankByDeprivation(four([100, 200, 300, 400]), true), { committed: committedOf });
    expect(byQuintile).toEqual([
      { quintile: 1, population: 100, committed: 100 },
      { quintile: 2, population: 100, committed: 200 },
      { quintile: 3, population: 0, committed: 0 },
      { quintile: 4, population: 100, committed: 300 },
      { quintile: 5, population: 100, committed: 400 },
    ]);
  });

  it('divides per inhabitant to the cent, with no figure for no inhabitant', () => {
    expect(perInhabitant(1000, 3)).toBe(333);
    expect(perInhabitant(1001, 2)).toBe(501);
    expect(perInhabitant(1000, 0)).toBeNull();
  });
});
