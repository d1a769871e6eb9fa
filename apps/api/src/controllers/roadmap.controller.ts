import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IdParam, PageQueryDto } from '@app/core';
import type { Actor } from '@app/core';
import {
  ActionDto,
  ActionLinksDto,
  SetActionLinksDto,
  ActionPageDto,
  ActionQueryDto,
  ActionUpdatePageDto,
  CreateActionDto,
  CreateRoadmapDto,
  ImportActionsDto,
  ImportResultDto,
  RoadmapDecisionPageDto,
  RoadmapDto,
  RoadmapYearPageDto,
  RoadmapProgressDto,
  RoadmapsService,
  ActionsService,
  RoadmapTransitionDto,
  SetAxesDto,
  UpdateActionDto,
} from '@app/roadmap';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RateLimited } from '../rate-limits/rate-limits';
import { ApiFile } from '../openapi/api-file';

@ApiTags('roadmap')
@ApiBearerAuth()
@Controller()
export class RoadmapController {
  constructor(
    private readonly roadmaps: RoadmapsService,
    private readonly actions: ActionsService,
  ) {}

  /** Create the roadmap of a year. */
  @Post('roadmaps')
  @ApiCreatedResponse({ type: RoadmapDto })
  createRoadmap(@CurrentActor() actor: Actor, @Body() dto: CreateRoadmapDto): Promise<RoadmapDto> {
    return this.roadmaps.create(actor, dto);
  }

  /** List roadmaps by year. */
  @Get('roadmaps')
  @ApiOkResponse({ type: RoadmapYearPageDto })
  listRoadmaps(@CurrentActor() actor: Actor): Promise<RoadmapYearPageDto> {
    return this.roadmaps.years(actor);
  }

  /** The roadmap of a year. */
  @Get('roadmaps/:year')
  @ApiOkResponse({ type: RoadmapDto })
  getRoadmap(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number): Promise<RoadmapDto> {
    return this.roadmaps.get(actor, year);
  }

  /** draft → submitted → validated; validating names the commission's decision. */
  @Post('roadmaps/:year/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: RoadmapDto })
  transitionRoadmap(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: RoadmapTransitionDto,
  ): Promise<RoadmapDto> {
    return this.roadmaps.transition(actor, year, dto);
  }

  /** The adopted decisions of the plenary about this roadmap: those that may validate it (the delegate's). */
  @Get('roadmaps/:year/eligible-decisions')
  @ApiOkResponse({ type: RoadmapDecisionPageDto })
  listEligibleDecisions(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
  ): Promise<RoadmapDecisionPageDto> {
    return this.roadmaps.eligibleDecisions(actor, year);
  }

  /** Replaces the axes (409 once the roadmap is validated: they are frozen). */
  @Put('roadmaps/:year/axes')
  @ApiOkResponse({ type: RoadmapDto })
  setRoadmapAxes(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: SetAxesDto,
  ): Promise<RoadmapDto> {
    return this.roadmaps.setAxes(actor, year, dto);
  }

  /** Progress per axis and per department. */
  @Get('roadmaps/:year/progress')
  @ApiOkResponse({ type: RoadmapProgressDto })
  getRoadmapProgress(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
  ): Promise<RoadmapProgressDto> {
    return this.roadmaps.progress(actor, year);
  }

  /** Unfinished actions without any update for 90 days. */
  @Get('roadmaps/:year/stale-actions')
  @ApiOkResponse({ type: ActionPageDto })
  listStaleActions(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Query() page: PageQueryDto,
  ): Promise<ActionPageDto> {
    return this.actions.staleActions(actor, year, page);
  }

  /** Add an action to a roadmap. */
  @Post('roadmaps/:year/actions')
  @ApiCreatedResponse({ type: ActionDto })
  createAction(
    @CurrentActor() actor: Actor,
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: CreateActionDto,
  ): Promise<ActionDto> {
    return this.actions.addAction(actor, year, dto);
  }

  /** List roadmap actions, filtered. */
  @Get('actions')
  @ApiOkResponse({ type: ActionPageDto })
  listActions(@CurrentActor() actor: Actor, @Query() query: ActionQueryDto): Promise<ActionPageDto> {
    return this.actions.listActions(actor, query);
  }

  /** A department's actions as CSV (UTF-8 with BOM, `;`), to edit and import back. */
  @Get('actions/export.csv')
  @ApiFile('The actions as CSV', 'text/csv')
  async exportActionsCsv(
    @CurrentActor() actor: Actor,
    @Query() query: ActionQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', 'attachment; filename="actions.csv"');
    return this.actions.exportCsv(actor, query);
  }

  /** Applies an edited export: a result per row; a rejected row writes nothing. */
  @RateLimited('imports')
  @Post('actions/import')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultDto })
  importActionsCsv(@CurrentActor() actor: Actor, @Body() dto: ImportActionsDto): Promise<ImportResultDto> {
    return this.actions.importCsv(actor, dto.csv);
  }

  /** A roadmap action. */
  @Get('actions/:id')
  @ApiOkResponse({ type: ActionDto })
  getAction(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ActionDto> {
    return this.actions.getAction(actor, id);
  }

  /** A referent's update of its departments' action: stale version → 409, nothing written. */
  @Patch('actions/:id')
  @ApiOkResponse({ type: ActionDto })
  updateAction(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: UpdateActionDto,
  ): Promise<ActionDto> {
    return this.actions.updateAction(actor, id, dto);
  }

  /** Link an action to projects and contracts. */
  @Put('actions/:id/links')
  @ApiOkResponse({ type: ActionLinksDto })
  setActionLinks(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Body() dto: SetActionLinksDto,
  ): Promise<ActionLinksDto> {
    return this.actions.setLinks(actor, id, dto);
  }

  /** The funded projects and local health contracts that carry the action. */
  @Get('actions/:id/links')
  @ApiOkResponse({ type: ActionLinksDto })
  listActionLinks(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ActionLinksDto> {
    return this.actions.linksOf(actor, id);
  }

  /** One entry per accepted update, newest first. */
  @Get('actions/:id/updates')
  @ApiOkResponse({ type: ActionUpdatePageDto })
  listActionUpdates(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Query() page: PageQueryDto,
  ): Promise<ActionUpdatePageDto> {
    return this.actions.updates(actor, id, page);
  }
}
