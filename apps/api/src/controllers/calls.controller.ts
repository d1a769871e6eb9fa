import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParam, PageQueryDto } from '@app/core';
import type { Actor } from '@app/core';
import {
  CallDto,
  CallFundingDto,
  ProjectStatusCountDto,
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
  BulkTransitionDto,
  CallTransitionDto,
  FollowUpService,
  GrantFollowUpDto,
  OverdueQueryDto,
  OverdueReportPageDto,
  SetCoFundersDto,
  SetGrantReportsDto,
  SetScheduleDto,
  CancelGrantDto,
  ReduceGrantDto,
  BulkTransitionResponseDto,
  CreateNoteDto,
  CriterionDto,
  InstructionService,
  LabelsDto,
  NoteDto,
  NotePageDto,
  ProjectScoreDto,
  RankingDto,
  ScoreProjectDto,
  SetCriteriaDto,
  SetLabelsDto,
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
    private readonly instruction: InstructionService,
    private readonly followUp: FollowUpService,
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

  /** draft → open → closed → decided. */
  @Post('calls/:id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: CallDto })
  transitionCall(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CallTransitionDto,
  ): Promise<CallDto> {
    return this.calls.transition(actor, id, dto.to);
  }

  /** Envelope, committed, paid and remaining — globally, by axis and by department. */
  @Get('calls/:id/funding')
  @ApiOkResponse({ type: CallFundingDto })
  funding(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<CallFundingDto> {
    return this.calls.fundingOf(actor, id);
  }

  /** Each project status, in lifecycle order, with how many of the call's projects are in it. */
  @Get('calls/:id/projects-by-status')
  @ApiOkResponse({ type: [ProjectStatusCountDto] })
  projectsByStatus(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ProjectStatusCountDto[]> {
    return this.calls.projectsByStatus(actor, id);
  }

  /** Replaces the scoring criteria (409 once scoring has started). */
  @Put('calls/:id/criteria')
  @ApiOkResponse({ type: [CriterionDto] })
  setCriteria(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetCriteriaDto,
  ): Promise<CriterionDto[]> {
    return this.instruction.setCriteria(actor, id, dto.criteria);
  }

  /** Projects under review by score, with the cumulative amount and where the remaining envelopes run out. */
  @Get('calls/:id/ranking')
  @ApiOkResponse({ type: RankingDto })
  ranking(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<RankingDto> {
    return this.instruction.ranking(actor, id);
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

  /** The same move for many projects, with a result per project. */
  @Post('projects/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkTransitionResponseDto })
  bulkTransition(@CurrentActor() actor: Actor, @Body() dto: BulkTransitionDto): Promise<BulkTransitionResponseDto> {
    return this.projects.bulkTransition(actor, dto);
  }

  @Post('projects/:id/scores')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectScoreDto })
  score(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: ScoreProjectDto,
  ): Promise<ProjectScoreDto> {
    return this.instruction.score(actor, id, dto);
  }

  @Get('projects/:id/scores')
  @ApiOkResponse({ type: ProjectScoreDto })
  scores(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ProjectScoreDto> {
    return this.instruction.scoreOf(actor, id);
  }

  /** Private notes of the reviewers. */
  @Post('projects/:id/notes')
  @ApiCreatedResponse({ type: NoteDto })
  addNote(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateNoteDto,
  ): Promise<NoteDto> {
    return this.instruction.addNote(actor, id, dto);
  }

  @Get('projects/:id/notes')
  @ApiOkResponse({ type: NotePageDto })
  notes(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<NotePageDto> {
    return this.instruction.notes(actor, id);
  }

  @Put('projects/:id/labels')
  @ApiOkResponse({ type: LabelsDto })
  setLabels(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetLabelsDto,
  ): Promise<LabelsDto> {
    return this.instruction.setLabels(actor, id, dto);
  }

  @Get('projects/:id/labels')
  @ApiOkResponse({ type: LabelsDto })
  labels(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<LabelsDto> {
    return this.instruction.labels(actor, id);
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

  /** Progress and final reports past due and not received (optionally for one call). */
  @Get('grants/overdue-reports')
  @ApiOkResponse({ type: OverdueReportPageDto })
  overdueReports(@CurrentActor() actor: Actor, @Query() query: OverdueQueryDto): Promise<OverdueReportPageDto> {
    return this.followUp.overdue(actor, query.callId);
  }

  /** Co-funders, the planned schedule against actual payments, and the reports owed. */
  @Get('grants/:id/follow-up')
  @ApiOkResponse({ type: GrantFollowUpDto })
  grantFollowUp(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<GrantFollowUpDto> {
    return this.followUp.get(actor, id);
  }

  @Put('grants/:id/co-funders')
  @ApiOkResponse({ type: GrantFollowUpDto })
  setCoFunders(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetCoFundersDto,
  ): Promise<GrantFollowUpDto> {
    return this.followUp.setCoFunders(actor, id, dto);
  }

  @Put('grants/:id/schedule')
  @ApiOkResponse({ type: GrantFollowUpDto })
  setSchedule(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetScheduleDto,
  ): Promise<GrantFollowUpDto> {
    return this.followUp.setSchedule(actor, id, dto);
  }

  @Put('grants/:id/reports')
  @ApiOkResponse({ type: GrantFollowUpDto })
  setGrantReports(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetGrantReportsDto,
  ): Promise<GrantFollowUpDto> {
    return this.followUp.setReports(actor, id, dto);
  }

  @Get('grants/:id')
  @ApiOkResponse({ type: GrantDto })
  getGrant(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<GrantDto> {
    return this.grants.getGrant(actor, id);
  }

  /** Lowers the grant, never below what was paid (regional delegate, stale version → 409). */
  @Patch('grants/:id')
  @ApiOkResponse({ type: GrantDto })
  reduceGrant(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: ReduceGrantDto,
  ): Promise<GrantDto> {
    return this.grants.reduce(actor, id, dto);
  }

  /** Cancels the grant with a reason: paid money stays in the ledger, the rest returns to the envelope. */
  @Post('grants/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: GrantDto })
  cancelGrant(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CancelGrantDto,
  ): Promise<GrantDto> {
    return this.grants.cancel(actor, id, dto);
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
