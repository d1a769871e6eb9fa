import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IdParam, PageQueryDto } from '@app/core';
import type { Actor } from '@app/core';
import { FundingReportRequestDto } from '@app/calls';
import { EquityReportRequestDto } from '@app/equity';
import { AttendanceSheetReportRequestDto, MinutesReportRequestDto, NoticeReportRequestDto } from '@app/governance';
import { DirectoryReportRequestDto } from '@app/identity';
import {
  ApiReportRequestBody,
  CreateReportDto,
  QueuedReportDto,
  ReportDto,
  ReportPageDto,
  ReportsService,
} from '@app/reports';
import { RoadmapReportRequestDto } from '@app/roadmap';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RateLimited } from '../rate-limits/rate-limits';
import { ApiFile } from '../openapi/api-file';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Request a report (PDF, CSV or XLSX), produced in the background. */
  @RateLimited('reports')
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: QueuedReportDto })
  @ApiReportRequestBody(
    RoadmapReportRequestDto,
    FundingReportRequestDto,
    MinutesReportRequestDto,
    DirectoryReportRequestDto,
    NoticeReportRequestDto,
    AttendanceSheetReportRequestDto,
    EquityReportRequestDto,
  )
  requestReport(@CurrentActor() actor: Actor, @Body() dto: CreateReportDto): Promise<QueuedReportDto> {
    return this.reports.request(actor, dto);
  }

  /** "Mes exports": the caller's reports, newest first (everyone's for an admin). */
  @Get()
  @ApiOkResponse({ type: ReportPageDto })
  listReports(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<ReportPageDto> {
    return this.reports.list(actor, page);
  }

  /** A requested report and its progress. */
  @Get(':id')
  @ApiOkResponse({ type: ReportDto })
  getReport(@CurrentActor() actor: Actor, @Param('id', IdParam) id: string): Promise<ReportDto> {
    return this.reports.get(actor, id);
  }

  /** Download the file of a finished report. */
  @Get(':id/file')
  @ApiFile('The report', 'application/pdf')
  async downloadReport(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { stream, filename, size } = await this.reports.openFile(actor, id);
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return new StreamableFile(stream, { type: 'application/pdf', length: size ?? undefined });
  }
}
