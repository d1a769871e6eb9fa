import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { REPORT_KINDS, REPORT_STATUSES } from '../report-lifecycle';
import type { ReportKind, ReportStatus } from '../report-lifecycle';

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS)
  kind: ReportKind;

  /** `{ year }` for roadmap, `{ callId }` for funding, `{ meetingId }` for minutes, `{}` for directory. */
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
  requestedBy: string | null;
  createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  finishedAt: string | null;
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
