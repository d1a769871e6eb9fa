import { Injectable } from '@nestjs/common';
import { Actor, DomainError } from '@app/core';
import { CallsService } from '@app/calls';
import { ContractsService } from '@app/contracts';
import { TerritoryService, type LevelTerritory } from '@app/territory';
import type { IndicatorLevel } from '@app/vocabulary';
import {
  EquityContractsDto,
  EquityContractsQueryDto,
  EquityFundingDto,
  EquityFundingQueryDto,
  EquityIndicatorDto,
  EquityPublicsDto,
  EquityScopeQueryDto,
} from './dto/equity.dto';
import { coverageFigures, fundingFigures, reachFigures } from './equity-figures';
import { EquityErrorCode } from './equity.errors';
import { assertMayReadEquity } from './equity.policy';
import { IndicatorsService, LevelValues } from './indicators.service';

/** The grants a figure counts: one call's, or those of the calls of a year. */
export interface EquityScope {
  callIds: string[];
  /** "Appel …" or "Appels de l'année …", for the report's scope line. */
  label: string;
}

/**
 * Where money, contracts and projects go against need (CONTRACT.md, "Equity"). Committed amounts come
 * from the calls lib (split by department as its funding figures are), covered communes from the
 * contracts lib, populations from the territory lib: never their tables.
 */
@Injectable()
export class EquityService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly calls: CallsService,
    private readonly contractsService: ContractsService,
    private readonly territory: TerritoryService,
  ) {}

  async funding(actor: Actor, query: EquityFundingQueryDto): Promise<EquityFundingDto> {
    assertMayReadEquity(actor);
    return this.fundingUnchecked(query.indicator, await this.scope(query));
  }

  async contracts(actor: Actor, query: EquityContractsQueryDto): Promise<EquityContractsDto> {
    assertMayReadEquity(actor);
    return this.coverageUnchecked(await this.indicators.valuesAt(query.indicator, ['epci', 'commune']));
  }

  async publics(actor: Actor, query: EquityScopeQueryDto): Promise<EquityPublicsDto> {
    assertMayReadEquity(actor);
    return this.reachUnchecked(await this.scope(query));
  }

  /** Exactly one of callId (404 when unknown) and year; 400 otherwise. */
  async scope(query: EquityScopeQueryDto): Promise<EquityScope> {
    if ((query.callId === undefined) === (query.year === undefined))
      throw DomainError.invalid(EquityErrorCode.EquityScope, 'callId, year: give exactly one of them');
    if (query.callId !== undefined) {
      const call = await this.calls.getUnchecked(query.callId);
      return { callIds: [call.id], label: `Appel « ${call.title} » (${call.year})` };
    }
    return { callIds: await this.calls.callIdsOfYear(query.year!), label: `Appels de l’année ${query.year}` };
  }

  /**
   * A data version of the equity report on the indicator and scope: the indicator's, the scope's calls'
   * funding (the calls lib), the signed contracts' communes (contracts) and the reference territories
   * (territory), each computed in SQL by the lib that owns the data.
   */
  async reportDataVersion(indicator: string, scope: EquityScope): Promise<string> {
    const versions = await Promise.all([
      this.indicators.version(indicator),
      this.calls.fundingVersion(scope.callIds),
      this.contractsService.signedCommunesVersion(),
      this.territory.territoriesVersion(),
    ]);
    return [scope.label, [...scope.callIds].sort().join(','), ...versions].join('/');
  }

  /** Funding by department against the indicator (department level, or a commune-level rate rolled up). */
  async fundingUnchecked(indicator: string, scope: EquityScope): Promise<EquityFundingDto> {
    const level = await this.indicators.valuesAt(indicator, ['department']);
    const [departments, money] = await Promise.all([
      this.territory.territoriesOf('department'),
      this.calls.committedByDepartmentUnchecked(scope.callIds),
    ]);
    return {
      indicator: indicatorOf(level),
      ...fundingFigures(departments, level.values, money, level.indicator.higherIsWorse),
    };
  }

  /**
   * Coverage by signed contracts along the indicator's ranking, at the level of its values (the route
   * takes EPCI and commune indicators; the report also prints it by department).
   */
  async coverageUnchecked(level: LevelValues): Promise<EquityContractsDto> {
    const at = level.at;
    const [territories, communes, covered] = await Promise.all([
      this.territory.territoriesOf(at),
      this.territory.territoriesOf('commune'),
      this.contractsService.signedCommuneCodes(),
    ]);
    const coveredCodes = new Set(covered);
    const coveredByTerritory = new Map<string, number>();
    for (const c of communes) {
      const owner = ownerAt(c, at);
      if (owner !== null && coveredCodes.has(c.code))
        coveredByTerritory.set(owner, (coveredByTerritory.get(owner) ?? 0) + c.population);
    }
    return {
      indicator: indicatorOf(level),
      ...coverageFigures(territories, level.values, coveredByTerritory, level.indicator.higherIsWorse),
    };
  }

  async reachUnchecked(scope: EquityScope): Promise<EquityPublicsDto> {
    return reachFigures(await this.calls.grantedProjectsUnchecked(scope.callIds));
  }
}

/** The territory of `level` a commune belongs to (itself at commune level). */
function ownerAt(commune: LevelTerritory, level: IndicatorLevel): string | null {
  if (level === 'commune') return commune.code;
  return level === 'department' ? commune.departmentCode : commune.epciSiren;
}

function indicatorOf({ indicator, rolledUp }: Pick<LevelValues, 'indicator' | 'rolledUp'>): EquityIndicatorDto {
  return { ...indicator, rolledUp };
}
