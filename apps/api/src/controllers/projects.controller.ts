import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, IdParam } from '@app/core';
import {
  AwaitingActionDto,
  AwaitingActionService,
  BulkTransitionDto,
  BulkTransitionResponseDto,
  CreateNoteDto,
  CreateOpinionDto,
  CreateProjectDto,
  InstructionService,
  LabelsDto,
  NoteDto,
  NotePageDto,
  OpinionDto,
  ProjectDetailDto,
  ProjectEditService,
  ProjectPageDto,
  ProjectQueryDto,
  ProjectScoreDto,
  ProjectsService,
  ScoreProjectDto,
  SetLabelsDto,
  TransitionDto,
  UpdateProjectDto,
} from '@app/calls';
import { CurrentActor } from '../auth/current-actor.decorator';
import { OperationId } from './operation-id';

/**
 * Applications to calls: lifecycle, scores, reviewers' notes and labels, departmental opinions. Its
 * operations keep the ids they had in the calls controller (the web client is generated from them).
 */
@ApiTags('calls')
@ApiBearerAuth()
@Controller()
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly edits: ProjectEditService,
    private readonly instruction: InstructionService,
    private readonly awaiting: AwaitingActionService,
  ) {}

  /**
   * What waits for the regional team: applications ready for a decision, selected projects to grant,
   * agreements to sign and overdue activity reports.
   */
  @Get('projects/awaiting-action')
  @OperationId('CallsController_awaitingAction')
  @ApiOkResponse({ type: AwaitingActionDto })
  awaitingAction(@CurrentActor() actor: Actor): Promise<AwaitingActionDto> {
    return this.awaiting.of(actor);
  }

  /** Submit an application to a call. */
  @Post('projects')
  @OperationId('CallsController_createProject')
  @ApiCreatedResponse({ type: ProjectDetailDto })
  createProject(@CurrentActor() actor: Actor, @Body() dto: CreateProjectDto): Promise<ProjectDetailDto> {
    return this.projects.create(actor, dto);
  }

  /** List projects, filtered. */
  @Get('projects')
  @OperationId('CallsController_listProjects')
  @ApiOkResponse({ type: ProjectPageDto })
  listProjects(@CurrentActor() actor: Actor, @Query() query: ProjectQueryDto): Promise<ProjectPageDto> {
    return this.projects.list(actor, query);
  }

  /** A project with what the caller may do next. */
  @Get('projects/:id')
  @OperationId('CallsController_getProject')
  @ApiOkResponse({ type: ProjectDetailDto })
  getProject(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ProjectDetailDto> {
    return this.projects.get(actor, id);
  }

  /** The application's fields, while it is a draft or returned for changes, at the version read. */
  @Patch('projects/:id')
  @OperationId('CallsController_updateProject')
  @ApiOkResponse({ type: ProjectDetailDto })
  updateProject(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: UpdateProjectDto,
  ): Promise<ProjectDetailDto> {
    return this.edits.update(actor, id, dto);
  }

  /** Move a project along its lifecycle. */
  @Post('projects/:id/transitions')
  @HttpCode(200)
  @OperationId('CallsController_transition')
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
  @OperationId('CallsController_bulkTransition')
  @ApiOkResponse({ type: BulkTransitionResponseDto })
  bulkTransition(@CurrentActor() actor: Actor, @Body() dto: BulkTransitionDto): Promise<BulkTransitionResponseDto> {
    return this.projects.bulkTransition(actor, dto);
  }

  /** Score a project against the call criteria. */
  @Post('projects/:id/scores')
  @HttpCode(200)
  @OperationId('CallsController_score')
  @ApiOkResponse({ type: ProjectScoreDto })
  score(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: ScoreProjectDto,
  ): Promise<ProjectScoreDto> {
    return this.instruction.score(actor, id, dto);
  }

  /** The scores of a project. */
  @Get('projects/:id/scores')
  @OperationId('CallsController_scores')
  @ApiOkResponse({ type: ProjectScoreDto })
  scores(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ProjectScoreDto> {
    return this.instruction.scoreOf(actor, id);
  }

  /** Private notes of the reviewers. */
  @Post('projects/:id/notes')
  @OperationId('CallsController_addNote')
  @ApiCreatedResponse({ type: NoteDto })
  addNote(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateNoteDto,
  ): Promise<NoteDto> {
    return this.instruction.addNote(actor, id, dto);
  }

  /** The instruction notes of a project. */
  @Get('projects/:id/notes')
  @OperationId('CallsController_notes')
  @ApiOkResponse({ type: NotePageDto })
  notes(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<NotePageDto> {
    return this.instruction.notes(actor, id);
  }

  /** Set the labels of a project. */
  @Put('projects/:id/labels')
  @OperationId('CallsController_setLabels')
  @ApiOkResponse({ type: LabelsDto })
  setLabels(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetLabelsDto,
  ): Promise<LabelsDto> {
    return this.instruction.setLabels(actor, id, dto);
  }

  /** The labels of a project. */
  @Get('projects/:id/labels')
  @OperationId('CallsController_labels')
  @ApiOkResponse({ type: LabelsDto })
  labels(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<LabelsDto> {
    return this.instruction.labels(actor, id);
  }

  /** Give a department's opinion on a project. */
  @Post('projects/:id/opinions')
  @OperationId('CallsController_giveOpinion')
  @ApiCreatedResponse({ type: OpinionDto })
  giveOpinion(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateOpinionDto,
  ): Promise<OpinionDto> {
    return this.projects.giveOpinion(actor, id, dto);
  }
}
