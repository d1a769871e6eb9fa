import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, PageQueryDto } from '@app/core';
import type { Actor } from '@app/core';
import {
  CallDto,
  CallEditService,
  CallFundingDto,
  CallPageDto,
  CallTransitionDto,
  CallsService,
  CreateCallDto,
  CriterionDto,
  InstructionService,
  ProjectStatusCountDto,
  RankingDto,
  SetCriteriaDto,
  UpdateCallDto,
} from '@app/calls';
import { CurrentActor } from '../auth/current-actor.decorator';

/** Calls for interest: their lifecycle, envelopes and figures, scoring criteria and ranking. */
@ApiTags('calls')
@ApiBearerAuth()
@Controller()
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly instruction: InstructionService,
    private readonly edits: CallEditService,
  ) {}

  /** Create a call for projects. */
  @Post('calls')
  @ApiCreatedResponse({ type: CallDto })
  createCall(@CurrentActor() actor: Actor, @Body() dto: CreateCallDto): Promise<CallDto> {
    return this.calls.create(actor, dto);
  }

  /** List calls for projects. */
  @Get('calls')
  @ApiOkResponse({ type: CallPageDto })
  listCalls(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<CallPageDto> {
    return this.calls.list(actor, page);
  }

  /** A call for projects with its axes, envelopes and criteria. */
  @Get('calls/:id')
  @ApiOkResponse({ type: CallDto })
  getCall(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<CallDto> {
    return this.calls.get(actor, id);
  }

  /** Edit a call: title, funding source, dates, envelope and axes (at the version read; 409 when stale). */
  @Patch('calls/:id')
  @ApiOkResponse({ type: CallDto })
  updateCall(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: UpdateCallDto,
  ): Promise<CallDto> {
    return this.edits.update(actor, id, dto);
  }

  /** draft → open → closed → decided; a closed call reopens by the delegate, with a comment. */
  @Post('calls/:id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: CallDto })
  transitionCall(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CallTransitionDto,
  ): Promise<CallDto> {
    return this.calls.transition(actor, id, dto.to, dto.comment);
  }

  /** Envelope, committed, paid and remaining — globally, by axis and by department. */
  @Get('calls/:id/funding')
  @ApiOkResponse({ type: CallFundingDto })
  getCallFunding(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<CallFundingDto> {
    return this.calls.fundingOf(actor, id);
  }

  /** Each project status, in lifecycle order, with how many of the call's projects are in it. */
  @Get('calls/:id/projects-by-status')
  @ApiOkResponse({ type: [ProjectStatusCountDto] })
  countProjectsByStatus(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
  ): Promise<ProjectStatusCountDto[]> {
    return this.calls.projectsByStatus(actor, id);
  }

  /** Replaces the scoring criteria (409 once scoring has started). */
  @Put('calls/:id/criteria')
  @ApiOkResponse({ type: [CriterionDto] })
  setCallCriteria(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetCriteriaDto,
  ): Promise<CriterionDto[]> {
    return this.instruction.setCriteria(actor, id, dto.criteria);
  }

  /** Projects under review by score, with the cumulative amount and where the remaining envelopes run out. */
  @Get('calls/:id/ranking')
  @ApiOkResponse({ type: RankingDto })
  getCallRanking(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Query() page: PageQueryDto,
  ): Promise<RankingDto> {
    return this.instruction.ranking(actor, id, page);
  }
}
