import { rankAgainstEnvelope, totalScore } from './ranking';

describe('totalScore', () => {
  it('averages reviewers per criterion, then weighs the criteria', () => {
    expect(
      totalScore([
        { weight: 2, scores: [4, 5] },
        { weight: 1, scores: [2] },
      ]),
    ).toBe(3.67);
  });

  it('is null before any score', () => {
    expect(totalScore([{ weight: 1, scores: [] }])).toBeNull();
  });
});

describe('rankAgainstEnvelope', () => {
  const c = (projectId: string, axisCode: string, score: number | null, requestedCents: number) => ({
    projectId,
    axisCode,
    score,
    requestedCents,
    createdAt: `2023-01-0${projectId}`,
  });

  it('orders by score and shows where the global and the axis envelopes run out', () => {
    const lines = rankAgainstEnvelope(
      [c('1', 'A', 3, 40), c('2', 'A', 4.5, 50), c('3', 'B', null, 10), c('4', 'B', 4, 30)],
      100,
      new Map([
        ['A', 60],
        ['B', null],
      ]),
    );
    expect(lines.map((l) => [l.projectId, l.rank, l.cumulativeCents, l.withinEnvelope, l.withinAxisEnvelope])).toEqual([
      ['2', 1, 50, true, true],
      ['4', 2, 80, true, true],
      ['1', 3, 120, false, false],
      ['3', 4, 130, false, true],
    ]);
  });
});
