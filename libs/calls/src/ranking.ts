/** Scale of a reviewer's score on one criterion. */
export const MAX_SCORE = 5;

export interface CriterionScores {
  weight: number;
  /** Every reviewer's score on the criterion. */
  scores: number[];
}

/** Weighted mean (over the criteria scored) of each criterion's mean across reviewers; null when unscored. */
export function totalScore(criteria: readonly CriterionScores[]): number | null {
  const scored = criteria.filter((c) => c.scores.length > 0);
  const weights = scored.reduce((s, c) => s + c.weight, 0);
  if (weights === 0) return null;
  const total =
    scored.reduce((s, c) => s + (c.weight * c.scores.reduce((a, b) => a + b, 0)) / c.scores.length, 0) / weights;
  return Math.round(total * 100) / 100;
}

export interface RankingCandidate {
  projectId: string;
  axisCode: string;
  score: number | null;
  requestedCents: number;
  createdAt: string;
}

export interface RankedLine extends RankingCandidate {
  rank: number;
  cumulativeCents: number;
  axisCumulativeCents: number;
  /** Funding everyone ranked up to here stays within what remains of the call's envelope. */
  withinEnvelope: boolean;
  /** Same, within what remains of the axis's envelope (true when the axis has none). */
  withinAxisEnvelope: boolean;
}

/**
 * Ranks the projects by score (unscored last; ties by earlier application) and walks down the list
 * adding up the requested amounts, globally and per axis, against what remains of the envelopes:
 * the first line that no longer fits is where the money runs out.
 */
export function rankAgainstEnvelope(
  candidates: readonly RankingCandidate[],
  remainingCents: number,
  remainingByAxis: ReadonlyMap<string, number | null>,
): RankedLine[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.projectId.localeCompare(b.projectId),
  );
  let cumulative = 0;
  const byAxis = new Map<string, number>();
  return ordered.map((c, i) => {
    cumulative += c.requestedCents;
    const axisCumulative = (byAxis.get(c.axisCode) ?? 0) + c.requestedCents;
    byAxis.set(c.axisCode, axisCumulative);
    const axisRemaining = remainingByAxis.get(c.axisCode) ?? null;
    return {
      ...c,
      rank: i + 1,
      cumulativeCents: cumulative,
      axisCumulativeCents: axisCumulative,
      withinEnvelope: cumulative <= remainingCents,
      withinAxisEnvelope: axisRemaining === null || axisCumulative <= axisRemaining,
    };
  });
}
