import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@app/core';
import type { Actor } from '@app/core';
import {
  CreateTerritorialIndicatorDto,
  EquityContractsDto,
  EquityContractsQueryDto,
  EquityFundingDto,
  EquityFundingQueryDto,
  EquityPublicsDto,
  EquityScopeQueryDto,
  EquityService,
  IndicatorImportPageDto,
  IndicatorImportResultDto,
  IndicatorsService,
  TerritorialIndicatorValuePageDto,
  TerritorialIndicatorDto,
  TerritorialIndicatorPageDto,
} from '@app/equity';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RateLimited } from '../rate-limits/rate-limits';

@ApiTags('equity')
@ApiBearerAuth()
@Controller()
export class EquityController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly equity: EquityService,
  ) {}

  /** Add a territorial indicator to the catalogue (admin, mission); an existing code → 409. */
  @Post('indicators')
  @ApiCreatedResponse({ type: TerritorialIndicatorDto })
  createIndicator(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateTerritorialIndicatorDto,
  ): Promise<TerritorialIndicatorDto> {
    return this.indicators.create(actor, dto);
  }

  /** The catalogue of territorial indicators, by code, with their value counts. */
  @Get('indicators')
  @ApiOkResponse({ type: TerritorialIndicatorPageDto })
  listIndicators(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<TerritorialIndicatorPageDto> {
    return this.indicators.list(actor, page);
  }

  /**
   * Replace all of an indicator's values with a CSV file (`code;valeur`, UTF-8, BOM optional, `;` or `,`,
   * decimal comma or point, INSEE's CODGEO accepted); any bad line → 400 naming each, nothing written.
   */
  @RateLimited('imports')
  @Put('indicators/:code/values')
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'Header `code;valeur` (or `CODGEO`), then one territory per line.',
    schema: { type: 'string', example: 'code;valeur\n09;21,3\n11;20,1\n' },
  })
  @ApiOkResponse({ type: IndicatorImportResultDto })
  importIndicatorValues(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() csv: string,
  ): Promise<IndicatorImportResultDto> {
    return this.indicators.importValues(actor, code, csv);
  }

  /** An indicator's values, by territory code, with the territories' names. */
  @Get('indicators/:code/values')
  @ApiOkResponse({ type: TerritorialIndicatorValuePageDto })
  listIndicatorValues(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Query() page: PageQueryDto,
  ): Promise<TerritorialIndicatorValuePageDto> {
    return this.indicators.values(actor, code, page);
  }

  /** The history of an indicator's imports (who, when, the file's SHA-256, rows), newest first. */
  @Get('indicators/:code/imports')
  @ApiOkResponse({ type: IndicatorImportPageDto })
  listIndicatorImports(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Query() page: PageQueryDto,
  ): Promise<IndicatorImportPageDto> {
    return this.indicators.imports(actor, code, page);
  }

  /** Funding per inhabitant by department against deprivation: quintiles and concentration index. */
  @Get('equity/funding')
  @ApiOkResponse({ type: EquityFundingDto })
  getEquityFunding(@CurrentActor() actor: Actor, @Query() query: EquityFundingQueryDto): Promise<EquityFundingDto> {
    return this.equity.funding(actor, query);
  }

  /** Coverage of each deprivation quintile's population by signed local health contracts. */
  @Get('equity/contracts')
  @ApiOkResponse({ type: EquityContractsDto })
  getEquityContracts(
    @CurrentActor() actor: Actor,
    @Query() query: EquityContractsQueryDto,
  ): Promise<EquityContractsDto> {
    return this.equity.contracts(actor, query);
  }

  /** Funded projects and money by target public and by participation of the people concerned. */
  @Get('equity/publics')
  @ApiOkResponse({ type: EquityPublicsDto })
  getEquityPublics(@CurrentActor() actor: Actor, @Query() query: EquityScopeQueryDto): Promise<EquityPublicsDto> {
    return this.equity.publics(actor, query);
  }
}
