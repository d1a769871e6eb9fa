import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { REPORT_KINDS, REPORT_STATUSES } from '../report-lifecycle';
import type { ReportKind, ReportStatus } from '../report-lifecycle';

/**
 * POST /api/reports as the validation pipe reads it: a known kind and, if given, an object. The params
 * themselves are checked by the service against the kind's own params class (`ReportDefinition.params`);
 * OpenAPI documents the body as the union of the kinds' requests (`ApiReportRequestBody`).
 */
export class CreateReportDto {
  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS)
  kind: ReportKind;

  /** `{ year }` for roadmap, `{ callId }` for funding, `{ meetingId }` for the meeting documents, `{}` for directory. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, default: {} })
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;
}

export class ReportDto {
  id: string;
  @ApiProperty({ enum: REPORT_KINDS })
  kind: ReportKind;
  @ApiProperty({ type: 'object', additionalProperties: true })
  params: Record<string, unknown>;
  @ApiProperty({ enum: REPORT_STATUSES })
  status: ReportStatus;
  @ApiPropertyOptional({ nullable: true, type: String })
  error?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  fileSha256?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  dataSha256?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  fileSize?: number | null;
  /** How far the rendering is, 0–100: null while queued, 100 once done. */
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 100 })
  progressPercent: number | null;
  /** The title the PDF prints ("Rapport de financement"…), known once done. */
  @ApiProperty({ nullable: true, type: String })
  title: string | null;
  /** What the report covers, as printed under its title (a call, a year, a meeting…), once done. */
  @ApiProperty({ nullable: true, type: String })
  scope: string | null;
  requestedBy: string | null;
  createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  finishedAt: string | null;
  /** The moves the caller may make: always none, a report's every move is the worker's. */
  @ApiProperty({ enum: REPORT_STATUSES, isArray: true })
  allowedTransitions: ReportStatus[];
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportDto] })
  items: ReportDto[];
  total: number;
}

export class QueuedReportDto {
  id: string;
  @ApiProperty({ enum: REPORT_STATUSES })
  status: ReportStatus;
}
