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
  @ApiOkResponse({ type: AwaitingActionDto })
  listAwaitingAction(@CurrentActor() actor: Actor): Promise<AwaitingActionDto> {
    return this.awaiting.of(actor);
  }

  /** Submit an application to a call. */
  @Post('projects')
  @ApiCreatedResponse({ type: ProjectDetailDto })
  createProject(@CurrentActor() actor: Actor, @Body() dto: CreateProjectDto): Promise<ProjectDetailDto> {
    return this.projects.create(actor, dto);
  }

  /** List projects, filtered. */
  @Get('projects')
  @ApiOkResponse({ type: ProjectPageDto })
  listProjects(@CurrentActor() actor: Actor, @Query() query: ProjectQueryDto): Promise<ProjectPageDto> {
    return this.projects.list(actor, query);
  }

  /** A project with what the caller may do next. */
  @Get('projects/:id')
  @ApiOkResponse({ type: ProjectDetailDto })
  getProject(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ProjectDetailDto> {
    return this.projects.get(actor, id);
  }

  /** The application's fields, while it is a draft or returned for changes, at the version read. */
  @Patch('projects/:id')
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
  @ApiOkResponse({ type: ProjectDetailDto })
  transitionProject(
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
  transitionProjects(@CurrentActor() actor: Actor, @Body() dto: BulkTransitionDto): Promise<BulkTransitionResponseDto> {
    return this.projects.bulkTransition(actor, dto);
  }

  /** Score a project against the call criteria. */
  @Post('projects/:id/scores')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectScoreDto })
  scoreProject(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: ScoreProjectDto,
  ): Promise<ProjectScoreDto> {
    return this.instruction.score(actor, id, dto);
  }

  /** The scores of a project. */
  @Get('projects/:id/scores')
  @ApiOkResponse({ type: ProjectScoreDto })
  listProjectScores(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ProjectScoreDto> {
    return this.instruction.scoreOf(actor, id);
  }

  /** Private notes of the reviewers. */
  @Post('projects/:id/notes')
  @ApiCreatedResponse({ type: NoteDto })
  addProjectNote(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateNoteDto,
  ): Promise<NoteDto> {
    return this.instruction.addNote(actor, id, dto);
  }

  /** The instruction notes of a project. */
  @Get('projects/:id/notes')
  @ApiOkResponse({ type: NotePageDto })
  listProjectNotes(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<NotePageDto> {
    return this.instruction.notes(actor, id);
  }

  /** Set the labels of a project. */
  @Put('projects/:id/labels')
  @ApiOkResponse({ type: LabelsDto })
  setProjectLabels(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetLabelsDto,
  ): Promise<LabelsDto> {
    return this.instruction.setLabels(actor, id, dto);
  }

  /** The labels of a project. */
  @Get('projects/:id/labels')
  @ApiOkResponse({ type: LabelsDto })
  listProjectLabels(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<LabelsDto> {
    return this.instruction.labels(actor, id);
  }

  /** Give a department's opinion on a project. */
  @Post('projects/:id/opinions')
  @ApiCreatedResponse({ type: OpinionDto })
  giveOpinion(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: CreateOpinionDto,
  ): Promise<OpinionDto> {
    return this.projects.giveOpinion(actor, id, dto);
  }
}
