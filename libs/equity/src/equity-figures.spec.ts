import { coverageFigures, fundingFigures, reachFigures, rollUp } from './equity-figures';

const territories = [
  { code: 'A', name: 'Alpha', population: 100 },
  { code: 'B', name: 'Bêta', population: 300 },
  { code: 'C', name: 'Gamma', population: 600 },
];

describe('rollUp', () => {
  it('weighs each commune by its population, over the communes that have a value', () => {
    const communes = [
      { code: '1', population: 100, group: 'X' },
      { code: '2', population: 300, group: 'X' },
      { code: '3', population: 50, group: 'X' },
      { code: '4', population: 10, group: 'Y' },
      { code: '5', population: 10, group: null },
    ];
    const values = new Map([
      ['1', 10],
      ['2', 20],
      ['5', 99],
    ]);
    // (100·10 + 300·20) / 400 = 17.5; commune 3 has no value, Y none at all, 5 belongs to no group.
    expect(rollUp(communes, values)).toEqual(new Map([['X', 17.5]]));
  });
});

describe('fundingFigures', () => {
  it('ranks, sums by quintile and gives the concentration index of the worked example', () => {
    const figures = fundingFigures(
      territories.slice(0, 2),
      new Map([
        ['A', 5],
        ['B', 9],
      ]),
      new Map([
        ['A', { committedCents: 100, paidCents: 50 }],
        ['B', { committedCents: 600, paidCents: 0 }],
      ]),
      true,
    );
    // docs/equity.md: A 1 €/inh. (here 1 cent), B 2 per inhabitant, R = ⅛, ⅝ → index 0.1071.
    expect(figures.items).toEqual([
      expect.objectContaining({ code: 'A', rank: 0.125, quintile: 1, committedPerInhabitantCents: 1, paidCents: 50 }),
      expect.objectContaining({
        code: 'B',
        rank: 0.625,
        quintile: 4,
        committedPerInhabitantCents: 2,
        indicatorValue: 9,
      }),
    ]);
    expect(figures.concentrationIndex).toBe(0.1071);
    expect(figures.byQuintile).toEqual([
      { quintile: 1, population: 100, committedCents: 100, committedPerInhabitantCents: 1 },
      { quintile: 2, population: 0, committedCents: 0, committedPerInhabitantCents: null },
      { quintile: 3, population: 0, committedCents: 0, committedPerInhabitantCents: null },
      { quintile: 4, population: 300, committedCents: 600, committedPerInhabitantCents: 2 },
      { quintile: 5, population: 0, committedCents: 0, committedPerInhabitantCents: null },
    ]);
  });

  it('leaves out a territory without a value, and gives no index when nothing is committed', () => {
    const figures = fundingFigures(
      territories,
      new Map([
        ['A', 1],
        ['C', 2],
      ]),
      new Map(),
      false,
    );
    // Lower is worse: C (2) is less deprived than A (1).
    expect(figures.items.map((t) => t.code)).toEqual(['C', 'A']);
    expect(figures.concentrationIndex).toBeNull();
  });
});

describe('coverageFigures', () => {
  it('gives each quintile its covered population and rate', () => {
    const figures = coverageFigures(
      territories,
      new Map([
        ['A', 1],
        ['B', 2],
        ['C', 3],
      ]),
      new Map([
        ['B', 150],
        ['C', 600],
      ]),
      true,
    );
    // R: A 0.05 (q1), B 0.25 (q2), C 0.7 (q4).
    expect(figures.items.map((t) => [t.code, t.quintile, t.coveredPopulation])).toEqual([
      ['A', 1, 0],
      ['B', 2, 150],
      ['C', 4, 600],
    ]);
    expect(figures.byQuintile.map((q) => q.coverageRate)).toEqual([0, 0.5, 0, 1, 0]);
  });
});

describe('reachFigures', () => {
  it('counts a project with its whole grant in each of its publics, and groups by participation', () => {
    const figures = reachFigures([
      { targetPublics: ['women', 'young_people'], participation: 'co_led', committedCents: 1000 },
      { targetPublics: ['women'], participation: 'none', committedCents: 500 },
    ]);
    expect(figures.items.find((i) => i.targetPublic === 'women')).toEqual({
      targetPublic: 'women',
      projects: 2,
      committedCents: 1500,
    });
    expect(figures.items.find((i) => i.targetPublic === 'young_people')?.committedCents).toBe(1000);
    expect(figures.items.find((i) => i.targetPublic === 'older_people')?.projects).toBe(0);
    expect(figures.participation.map((p) => [p.level, p.projects, p.committedCents])).toEqual([
      ['none', 1, 500],
      ['informed', 0, 0],
      ['consulted', 0, 0],
      ['co_designed', 0, 0],
      ['co_led', 1, 1000],
    ]);
  });
});
