import type { RankingDto } from '../../api/client';
import { rankingByAxis } from './ranking-by-axis';

const line = (rank: number, axisCode: string, withinAxisEnvelope: boolean, withinEnvelope = true) => ({
  rank,
  projectId: `p${rank}`,
  title: `Projet ${rank}`,
  axisCode,
  score: 4,
  requestedCents: 100,
  cumulativeCents: rank * 100,
  axisCumulativeCents: 100,
  withinEnvelope,
  withinAxisEnvelope,
});
const axis = (code: string) => ({ code, label: code, envelopeCents: 200, committedCents: 0, remainingCents: 200 });

describe('ranking by axis', () => {
  it('splits the ranking by axis, in rank order, and puts the cut-off before the first line that does not fit', () => {
    const ranking: RankingDto = {
      callId: 'c',
      envelopeCents: 1000,
      committedCents: 0,
      remainingCents: 1000,
      axes: [axis('A'), axis('B'), axis('C')],
      items: [
        line(1, 'A', true),
        line(2, 'B', true),
        line(3, 'A', true),
        line(4, 'A', false),
        line(5, 'B', true, false),
      ],
      total: 5,
    };
    const [a, b, c] = rankingByAxis(ranking);
    expect(a.lines.map((l) => l.rank)).toEqual([1, 3, 4]);
    expect(a.cutAt).toBe(2);
    expect(b.cutAt).toBe(1);
    expect(c).toEqual({ axis: axis('C'), lines: [], cutAt: null });
  });
});
