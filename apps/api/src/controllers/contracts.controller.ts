import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, PageQueryDto } from '@app/core';
import { ActionDto, ActionPageDto, CreateActionSheetDto } from '@app/roadmap';
import type { Actor } from '@app/core';
import {
  ContractDto,
  ContractPageDto,
  ContractQueryDto,
  ContractsService,
  CoverageDto,
  CreateContractDto,
  UpdateContractDto,
} from '@app/contracts';
import { CurrentActor } from '../auth/current-actor.decorator';

@ApiTags('local health contracts')
@ApiBearerAuth()
@Controller('local-health-contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  /** Create a local health contract. */
  @Post()
  @ApiCreatedResponse({ type: ContractDto })
  createContract(@CurrentActor() actor: Actor, @Body() dto: CreateContractDto): Promise<ContractDto> {
    return this.contracts.create(actor, dto);
  }

  /** By department and status, with their communes counted. */
  @Get()
  @ApiOkResponse({ type: ContractPageDto })
  listContracts(@CurrentActor() actor: Actor, @Query() query: ContractQueryDto): Promise<ContractPageDto> {
    return this.contracts.list(actor, query);
  }

  /** Population covered by signed contracts, each commune once. */
  @Get('coverage')
  @ApiOkResponse({ type: CoverageDto })
  getContractCoverage(@CurrentActor() actor: Actor): Promise<CoverageDto> {
    return this.contracts.coverage(actor);
  }

  /** Referent (its departments) or mission; the version read, 409 when stale. */
  @Patch(':id')
  @ApiOkResponse({ type: ContractDto })
  updateContract(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: UpdateContractDto,
  ): Promise<ContractDto> {
    return this.contracts.update(actor, id, dto);
  }

  /** An action sheet (fiche action): the shape of a roadmap action, updated the same way. */
  @Post(':id/actions')
  @ApiCreatedResponse({ type: ActionDto })
  addContractActionSheet(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateActionSheetDto,
  ): Promise<ActionDto> {
    return this.contracts.addActionSheet(actor, id, dto);
  }

  /** The action sheets of a local health contract. */
  @Get(':id/actions')
  @ApiOkResponse({ type: ActionPageDto })
  listContractActionSheets(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Query() page: PageQueryDto,
  ): Promise<ActionPageDto> {
    return this.contracts.actionSheets(actor, id, page);
  }

  /** A local health contract. */
  @Get(':id')
  @ApiOkResponse({ type: ContractDto })
  getContract(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ContractDto> {
    return this.contracts.get(actor, id);
  }
}
