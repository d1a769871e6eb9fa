import { useQuery } from '@tanstack/react-query';
import {
  getEquityContracts,
  getEquityFunding,
  listIndicatorImports,
  listIndicators,
  getEquityPublics,
  ok,
  type TerritorialIndicatorDto,
} from '../../api/client';

/** Which grants the figures count: one call's, or those of the calls of one year. */
export type EquityScope = { callId: string } | { year: number };

/**
 * Every query of the screen lives under ['equity'] or ['indicators'], so that an import or a new
 * indicator refreshes all of them at once.
 */
export function useIndicators() {
  // The catalogue holds a few indicators: the first 200 are all of them.
  return useQuery({
    queryKey: ['indicators'],
    queryFn: () => ok(listIndicators({ query: { limit: 200, offset: 0 } })),
  });
}

export function useIndicatorImports(code: string) {
  return useQuery({
    queryKey: ['indicators', code, 'imports'],
    queryFn: () => ok(listIndicatorImports({ path: { code }, query: { limit: 20, offset: 0 } })),
  });
}

export function useEquityFunding(indicator: string, scope: EquityScope) {
  return useQuery({
    queryKey: ['equity', 'funding', indicator, scope],
    queryFn: () => ok(getEquityFunding({ query: { indicator, ...scope } })),
  });
}

export function useEquityPublics(scope: EquityScope) {
  return useQuery({
    queryKey: ['equity', 'publics', scope],
    queryFn: () => ok(getEquityPublics({ query: scope })),
  });
}

export function useEquityContracts(indicator: string | undefined) {
  return useQuery({
    queryKey: ['equity', 'contracts', indicator],
    queryFn: () => ok(getEquityContracts({ query: { indicator: indicator! } })),
    enabled: indicator !== undefined,
  });
}

/** Indicators the funding figures rank departments by: department level, or a commune rate rolled up. */
export const rankingDepartments = (i: TerritorialIndicatorDto) =>
  i.level === 'department' || (i.level === 'commune' && i.isRate);

/** Indicators the contracts' coverage ranks territories by: EPCI or commune level. */
export const rankingLocalTerritories = (i: TerritorialIndicatorDto) => i.level === 'epci' || i.level === 'commune';
