import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, PageQueryDto } from '@app/core';
import type { Actor } from '@app/core';
import {
  CallDto,
  CallFundingDto,
  CallPageDto,
  CallsService,
  CreateCallDto,
  CreateGrantDto,
  CreateOpinionDto,
  CreatePaymentDto,
  CreateProjectDto,
  FundingService,
  GrantDto,
  OpinionDto,
  PaymentDto,
  ProjectDetailDto,
  ProjectPageDto,
  ProjectQueryDto,
  ProjectsService,
  TransitionDto,
} from '@app/calls';
import { CurrentActor } from '../auth/current-actor.decorator';

@ApiTags('calls')
@ApiBearerAuth()
@Controller()
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly projects: ProjectsService,
    private readonly grants: FundingService,
  ) {}

  @Post('calls')
  @ApiCreatedResponse({ type: CallDto })
  createCall(@CurrentActor() actor: Actor, @Body() dto: CreateCallDto): Promise<CallDto> {
    return this.calls.create(actor, dto);
  }

  @Get('calls')
  @ApiOkResponse({ type: CallPageDto })
  listCalls(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<CallPageDto> {
    return this.calls.list(actor, page);
  }

  @Get('calls/:id')
  @ApiOkResponse({ type: CallDto })
  getCall(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<CallDto> {
    return this.calls.get(actor, id);
  }

  /** Envelope, committed, paid and remaining — globally, by axis and by department. */
  @Get('calls/:id/funding')
  @ApiOkResponse({ type: CallFundingDto })
  funding(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<CallFundingDto> {
    return this.calls.fundingOf(actor, id);
  }

  @Post('projects')
  @ApiCreatedResponse({ type: ProjectDetailDto })
  createProject(@CurrentActor() actor: Actor, @Body() dto: CreateProjectDto): Promise<ProjectDetailDto> {
    return this.projects.create(actor, dto);
  }

  @Get('projects')
  @ApiOkResponse({ type: ProjectPageDto })
  listProjects(@CurrentActor() actor: Actor, @Query() query: ProjectQueryDto): Promise<ProjectPageDto> {
    return this.projects.list(actor, query);
  }

  @Get('projects/:id')
  @ApiOkResponse({ type: ProjectDetailDto })
  getProject(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ProjectDetailDto> {
    return this.projects.get(actor, id);
  }

  @Post('projects/:id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectDetailDto })
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: TransitionDto,
  ): Promise<ProjectDetailDto> {
    return this.projects.transition(actor, id, dto);
  }

  @Post('projects/:id/opinions')
  @ApiCreatedResponse({ type: OpinionDto })
  giveOpinion(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateOpinionDto,
  ): Promise<OpinionDto> {
    return this.projects.giveOpinion(actor, id, dto);
  }

  /** Commits money to a selected project (regional delegate); 409 when an envelope would be exceeded. */
  @Post('projects/:id/grant')
  @ApiCreatedResponse({ type: GrantDto })
  grant(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateGrantDto,
  ): Promise<GrantDto> {
    return this.grants.grant(actor, id, dto);
  }

  @Get('grants/:id')
  @ApiOkResponse({ type: GrantDto })
  getGrant(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<GrantDto> {
    return this.grants.getGrant(actor, id);
  }

  /** 409 when payments would exceed the grant. */
  @Post('grants/:id/payments')
  @ApiCreatedResponse({ type: PaymentDto })
  pay(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreatePaymentDto,
  ): Promise<PaymentDto> {
    return this.grants.pay(actor, id, dto);
  }
}
