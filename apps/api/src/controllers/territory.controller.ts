import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { ContractsService } from '@app/contracts';
import { CommunePageDto, EpciPageDto, TerritorySearchQueryDto } from '@app/territory';
import { CurrentActor } from '../auth/current-actor.decorator';

/** The reference communes and EPCIs of Occitanie, searched to pick a local health contract's territory. */
@ApiTags('territory')
@ApiBearerAuth()
@Controller()
export class TerritoryController {
  constructor(private readonly contracts: ContractsService) {}

  /** Search the communes of Occitanie by name (accents and case aside, prefixes first) or INSEE code. */
  @Get('communes')
  @ApiOkResponse({ type: CommunePageDto })
  searchCommunes(@CurrentActor() actor: Actor, @Query() query: TerritorySearchQueryDto): Promise<CommunePageDto> {
    return this.contracts.searchCommunes(actor, query);
  }

  /** Search the EPCIs of Occitanie by name (accents and case aside, prefixes first) or SIREN, with their member count. */
  @Get('epcis')
  @ApiOkResponse({ type: EpciPageDto })
  searchEpcis(@CurrentActor() actor: Actor, @Query() query: TerritorySearchQueryDto): Promise<EpciPageDto> {
    return this.contracts.searchEpcis(actor, query);
  }
}
