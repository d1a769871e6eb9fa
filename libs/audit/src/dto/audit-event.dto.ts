import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/core';
import { BrokenSealDto } from './audit-seal.dto';

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
  /** The chain is unbroken and every seal still matches it. */
  ok: boolean;
  /** Events whose hash and link were checked before the first break (all of them when unbroken). */
  checked: number;
  /** The first event whose hash or link to the previous one is wrong. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  firstBrokenId: number | null;
  sealsChecked: number;
  /** The newest seal's last event: events after it are covered by the chain only. */
  @ApiPropertyOptional({ nullable: true, type: Number })
  lastSealedEventId: number | null;
  /** Seals the trail no longer matches (events cut or re-hashed), or that were themselves altered. */
  @ApiProperty({ type: [BrokenSealDto] })
  brokenSeals: BrokenSealDto[];
}
