import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/core';

export class AuditQueryDto extends PageQueryDto {
  /** The resource's singular name in snake_case, as in the routes: `user`, `report`, `project`… */
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/, { message: 'entityType must be a snake_case resource name' })
  entityType?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;
}

export class AuditEventDto {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  before: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  after: unknown;
  requestId: string | null;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items: AuditEventDto[];
  total: number;
}

export class AuditVerificationDto {
  ok: boolean;
  checked: number;
  @ApiPropertyOptional({ nullable: true, type: Number })
  firstBrokenId: number | null;
}
