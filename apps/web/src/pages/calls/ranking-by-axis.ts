import type { RankingAxisDto, RankingDto, RankingLineDto } from '../../api/client';

/** One axis of the ranking: its lines in rank order and where the money runs out on it. */
export interface AxisRanking {
  axis: RankingAxisDto;
  lines: RankingLineDto[];
  /** Index of the first line past the cut-off (the axis's remainder no longer covers it); null when all fit. */
  cutAt: number | null;
}

/**
 * The ranking split by axis, each axis with its cut-off line: the first project whose cumulative amount
 * on the axis exceeds what remains of the axis's envelope (or of the call's, for an axis without one).
 * Pure module: no React, so its spec runs in the unit project.
 */
export function rankingByAxis(ranking: RankingDto): AxisRanking[] {
  return ranking.axes.map((axis) => {
    const lines = ranking.items.filter((line) => line.axisCode === axis.code);
    const cut = lines.findIndex((line) => !line.withinAxisEnvelope || !line.withinEnvelope);
    return { axis, lines, cutAt: cut === -1 ? null : cut };
  });
}
