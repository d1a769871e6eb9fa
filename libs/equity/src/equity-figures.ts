import { PARTICIPATION_LEVELS, TARGET_PUBLICS, type ParticipationLevel, type TargetPublic } from '@app/vocabulary';
import {
  concentrationIndex,
  perInhabitant,
  rankByDeprivation,
  round4,
  sumByQuintile,
  type Quintile,
} from './deprivation-ranking';

/**
 * The answers of GET /api/equity/* (CONTRACT.md, "Equity") from plain inputs: the service gathers the
 * territories, values and amounts through the other domains' services; these shape the figures, and the
 * report prints the very same ones.
 */
export interface Territory {
  code: string;
  name: string;
  population: number;
}

/**
 * Population-weighted mean of the commune values in each group (EPCI or department): Σ pop·v / Σ pop
 * over the communes of the group that have a value; a group with none (or no population) gets none.
 */
export function rollUp(
  communes: readonly { code: string; population: number; group: string | null }[],
  values: ReadonlyMap<string, number>,
): Map<string, number> {
  const sums = new Map<string, { weighted: number; population: number }>();
  for (const c of communes) {
    const value = values.get(c.code);
    if (value === undefined || c.group === null) continue;
    const sum = sums.get(c.group) ?? { weighted: 0, population: 0 };
    sum.weighted += c.population * value;
    sum.population += c.population;
    sums.set(c.group, sum);
  }
  const means = new Map<string, number>();
  for (const [group, sum] of sums) if (sum.population > 0) means.set(group, sum.weighted / sum.population);
  return means;
}

export interface FundingFigures {
  items: {
    code: string;
    name: string;
    population: number;
    committedCents: number;
    paidCents: number;
    committedPerInhabitantCents: number;
    indicatorValue: number;
    rank: number;
    quintile: Quintile;
  }[];
  byQuintile: {
    quintile: Quintile;
    population: number;
    committedCents: number;
    committedPerInhabitantCents: number | null;
  }[];
  concentrationIndex: number | null;
}

/** Departments ranked by deprivation with what was committed and paid there, by quintile, and the index. */
export function fundingFigures(
  territories: readonly Territory[],
  values: ReadonlyMap<string, number>,
  money: ReadonlyMap<string, { committedCents: number; paidCents: number }>,
  higherIsWorse: boolean,
): FundingFigures {
  const ranked = rankByDeprivation(
    territories.map((t) => ({
      ...t,
      value: values.get(t.code) ?? null,
      committedCents: money.get(t.code)?.committedCents ?? 0,
      paidCents: money.get(t.code)?.paidCents ?? 0,
    })),
    higherIsWorse,
  );
  const index = concentrationIndex(ranked, (t) => t.committedCents);
  return {
    items: ranked.map((t) => ({
      code: t.code,
      name: t.name,
      population: t.population,
      committedCents: t.committedCents,
      paidCents: t.paidCents,
      committedPerInhabitantCents: perInhabitant(t.committedCents, t.population) ?? 0,
      indicatorValue: t.value,
      rank: round4(t.rank),
      quintile: t.quintile,
    })),
    byQuintile: sumByQuintile(ranked, { committedCents: (t) => t.committedCents }).map((q) => ({
      ...q,
      committedPerInhabitantCents: perInhabitant(q.committedCents, q.population),
    })),
    concentrationIndex: index === null ? null : round4(index),
  };
}

export interface CoverageFigures {
  items: (Territory & { coveredPopulation: number; indicatorValue: number; rank: number; quintile: Quintile })[];
  byQuintile: { quintile: Quintile; population: number; coveredPopulation: number; coverageRate: number }[];
}

/** Territories ranked by deprivation with the population signed contracts cover, and coverage by quintile. */
export function coverageFigures(
  territories: readonly Territory[],
  values: ReadonlyMap<string, number>,
  covered: ReadonlyMap<string, number>,
  higherIsWorse: boolean,
): CoverageFigures {
  const ranked = rankByDeprivation(
    territories.map((t) => ({ ...t, value: values.get(t.code) ?? null, coveredPopulation: covered.get(t.code) ?? 0 })),
    higherIsWorse,
  );
  return {
    items: ranked.map((t) => ({
      code: t.code,
      name: t.name,
      population: t.population,
      coveredPopulation: t.coveredPopulation,
      indicatorValue: t.value,
      rank: round4(t.rank),
      quintile: t.quintile,
    })),
    byQuintile: sumByQuintile(ranked, { coveredPopulation: (t) => t.coveredPopulation }).map((q) => ({
      ...q,
      // Exact, like the contracts' own coverageRate: only ranks and the index are rounded (CONTRACT.md).
      coverageRate: q.population > 0 ? q.coveredPopulation / q.population : 0,
    })),
  };
}

export interface FundedProject {
  targetPublics: readonly string[];
  participation: ParticipationLevel;
  committedCents: number;
}

export interface ReachFigures {
  items: { targetPublic: TargetPublic; projects: number; committedCents: number }[];
  participation: { level: ParticipationLevel; projects: number; committedCents: number }[];
}

/**
 * Funded projects by target public (each counted with its whole grant in each of its publics) and by
 * participation level; every public and every level listed, in the vocabulary's order.
 */
export function reachFigures(projects: readonly FundedProject[]): ReachFigures {
  const sum = (selected: readonly FundedProject[]) => ({
    projects: selected.length,
    committedCents: selected.reduce((s, p) => s + p.committedCents, 0),
  });
  return {
    items: TARGET_PUBLICS.map((targetPublic) => ({
      targetPublic,
      ...sum(projects.filter((p) => p.targetPublics.includes(targetPublic))),
    })),
    participation: PARTICIPATION_LEVELS.map((level) => ({
      level,
      ...sum(projects.filter((p) => p.participation === level)),
    })),
  };
}
